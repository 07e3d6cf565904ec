#!/usr/bin/env node
// Offline CloudFormation checker for the hand-written templates in infrastructure/cloudformation.
//
// What it checks, against the CloudFormation resource specification shipped in @aws-cdk/aws-service-spec:
//  - every template parses with the intrinsic-function tags (!Ref, !Sub, !GetAtt, ...);
//  - every resource type exists, every property (nested ones too) exists, required properties are present and
//    literal strings are among the allowed values where the specification lists them;
//  - every Ref, Fn::GetAtt (attribute included), Fn::Sub variable, Fn::If / Condition name, Fn::FindInMap map,
//    DependsOn target and Output resolves; parameters are all used;
//  - nested stacks whose TemplateURL is a local file: the child exists, every parameter passed is declared by the
//    child, every child parameter without a Default is passed, and every GetAtt Stack.Outputs.X names a child output.
//
// Usage: node validate.mjs [--quiet] FILE_OR_DIR...   (exit 0 when clean, 1 with one line per problem otherwise)
//
// Second mode, for the AWS CLI input files of infrastructure/ecs: node validate.mjs --api FILE...
// checks each file (task-definitions/, services/, autoscaling/) against the CloudFormation type of the same
// resource, after mapping the API's field names onto CloudFormation's (camelCase to PascalCase, plus the few
// names that differ), so that a misspelt or misplaced field fails offline too.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname, resolve, basename } from 'node:path';
import { yamlParse } from 'yaml-cfn';
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';

const PSEUDO = new Set(['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region',
  'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix']);
const TOP_LEVEL = new Set(['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Mappings',
  'Conditions', 'Transform', 'Rules', 'Resources', 'Outputs']);
const RESOURCE_KEYS = new Set(['Type', 'Properties', 'DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy',
  'Metadata', 'CreationPolicy', 'UpdatePolicy']);
const CONDITION_FNS = new Set(['Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::Equals', 'Condition']);

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const apiMode = args.includes('--api');
const files = args.filter((a) => !a.startsWith('--')).flatMap((a) =>
  statSync(a).isDirectory()
    ? readdirSync(a).filter((f) => (apiMode ? /\.json$/ : /\.ya?ml$|\.template$/).test(f)).sort().map((f) => join(a, f))
    : [a]);
if (files.length === 0) {
  console.error('usage: validate.mjs [--quiet] [--api] FILE_OR_DIR...');
  process.exit(2);
}

const db = await loadAwsServiceSpec();
const problems = [];
const parsed = new Map();
let resourceCount = 0;

function load(file) {
  const key = resolve(file);
  if (!parsed.has(key)) {
    try {
      parsed.set(key, yamlParse(readFileSync(file, 'utf8')));
    } catch (e) {
      parsed.set(key, null);
      problems.push(`${file}: does not parse: ${e.message.split('\n')[0]}`);
    }
  }
  return parsed.get(key);
}

function resourceSpec(type) {
  const found = db.lookup('resource', 'cloudFormationType', 'equals', type);
  return found.length === 1 ? found[0] : undefined;
}

const isIntrinsic = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1
  && (Object.keys(v)[0] === 'Ref' || Object.keys(v)[0].startsWith('Fn::'));

/** Checks a value against a property type of the specification. */
function checkType(value, type, where, report) {
  if (value === undefined || value === null) return;
  if (isIntrinsic(value)) {
    const [fn, arg] = Object.entries(value)[0];
    // Fn::If picks one of two values: check both branches against the same type.
    if (fn === 'Fn::If' && Array.isArray(arg) && arg.length === 3) {
      checkType(arg[1], type, where, report);
      checkType(arg[2], type, where, report);
    }
    return;
  }
  switch (type.type) {
    case 'ref': {
      const def = db.get('typeDefinition', type.reference.$ref);
      if (typeof value !== 'object' || Array.isArray(value)) {
        report(`${where}: expected an object (${def.name})`);
        return;
      }
      checkProperties(value, def.properties, where, report);
      return;
    }
    case 'array':
      if (!Array.isArray(value)) {
        report(`${where}: expected a list`);
        return;
      }
      value.forEach((v, i) => checkType(v, type.element, `${where}[${i}]`, report));
      return;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) {
        report(`${where}: expected a map`);
        return;
      }
      for (const [k, v] of Object.entries(value)) checkType(v, type.element, `${where}.${k}`, report);
      return;
    case 'union': {
      const ok = type.types.some((t) => {
        const sub = [];
        checkType(value, t, where, (m) => sub.push(m));
        return sub.length === 0;
      });
      if (!ok) report(`${where}: matches none of the allowed types`);
      return;
    }
    case 'tag':
      if (typeof value !== 'object' || Array.isArray(value) || !('Key' in value) || !('Value' in value)
          || Object.keys(value).some((k) => k !== 'Key' && k !== 'Value')) {
        report(`${where}: a tag needs exactly Key and Value`);
      }
      return;
    case 'json':
      return;
    case 'string':
    case 'date-time':
      if (typeof value === 'object') report(`${where}: expected a string`);
      else if (type.allowedValues && typeof value === 'string' && !type.allowedValues.includes(value)) {
        report(`${where}: '${value}' is not one of ${type.allowedValues.join(', ')}`);
      }
      return;
    case 'integer':
    case 'number':
      if (typeof value === 'object' || (typeof value === 'string' && !/^-?\d+(\.\d+)?$/.test(value))) {
        report(`${where}: expected a number`);
      }
      return;
    case 'boolean':
      if (typeof value === 'object' || (typeof value === 'string' && !/^(true|false)$/i.test(value))) {
        report(`${where}: expected a boolean`);
      }
      return;
    default:
      return;
  }
}

function checkProperties(value, specProps, where, report) {
  for (const [name, v] of Object.entries(value)) {
    const p = specProps[name];
    if (!p) {
      report(`${where}: unknown property ${name}`);
      continue;
    }
    checkType(v, p.type, `${where}.${name}`, report);
  }
  for (const [name, p] of Object.entries(specProps)) {
    if (p.required && !(name in value)) report(`${where}: required property ${name} is missing`);
  }
}

/** Walks every value of a template section and calls visit(fn, arg, path) for each intrinsic function. */
function walk(node, path, visit, inConditions = false) {
  if (Array.isArray(node)) {
    node.forEach((v, i) => walk(v, `${path}[${i}]`, visit, inConditions));
  } else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      // {Condition: name} is a function only inside the Conditions section; elsewhere it may be a plain property.
      if (k === 'Ref' || k.startsWith('Fn::') || (inConditions && k === 'Condition' && typeof v === 'string')) {
        visit(k, v, path);
      }
      walk(v, `${path}.${k}`, visit, inConditions);
    }
  }
}

function subVariables(text) {
  const vars = [];
  for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
    if (!m[1].startsWith('!')) vars.push(m[1].trim());
  }
  return vars;
}

function checkTemplate(file) {
  const t = load(file);
  if (!t) return;
  const say = (m) => problems.push(`${file}: ${m}`);
  if (typeof t !== 'object') {
    say('not a template');
    return;
  }
  for (const k of Object.keys(t)) if (!TOP_LEVEL.has(k)) say(`unknown top-level section ${k}`);
  const params = t.Parameters ?? {};
  const resources = t.Resources ?? {};
  const conditions = t.Conditions ?? {};
  const mappings = t.Mappings ?? {};
  const outputs = t.Outputs ?? {};
  if (Object.keys(resources).length === 0) say('no Resources');
  const used = new Set();

  const resolveRef = (name, where) => {
    used.add(name);
    if (!(name in params) && !(name in resources) && !PSEUDO.has(name)) say(`${where}: Ref ${name} resolves to nothing`);
  };
  const resolveGetAtt = (res, attr, where) => {
    const r = resources[res];
    if (!r) {
      say(`${where}: GetAtt ${res}.${attr}: no such resource`);
      return;
    }
    used.add(res);
    if (typeof attr !== 'string') return; // an intrinsic for the attribute name: cannot check statically
    if (r.Type === 'AWS::CloudFormation::Stack' && attr.startsWith('Outputs.')) {
      const child = childTemplate(file, r);
      if (child && !(attr.slice(8) in (child.Outputs ?? {}))) say(`${where}: GetAtt ${res}.${attr}: the child has no such output`);
      return;
    }
    const spec = resourceSpec(r.Type);
    if (spec && !(attr in spec.attributes)) say(`${where}: GetAtt ${res}.${attr}: ${r.Type} has no attribute ${attr}`);
  };
  const checkCondition = (name, where) => {
    if (!(name in conditions)) say(`${where}: condition ${name} is not defined`);
  };

  const visit = (fn, arg, where) => {
    switch (fn) {
      case 'Ref':
        if (typeof arg === 'string') resolveRef(arg, where);
        else say(`${where}: Ref takes a name`);
        break;
      case 'Fn::GetAtt': {
        const [res, ...rest] = Array.isArray(arg) ? arg : String(arg).split('.');
        const attr = Array.isArray(arg) ? arg[1] : rest.join('.');
        resolveGetAtt(res, attr, where);
        break;
      }
      case 'Fn::Sub': {
        const [text, vars] = Array.isArray(arg) ? arg : [arg, {}];
        if (typeof text !== 'string') {
          say(`${where}: Fn::Sub needs a string`);
          break;
        }
        for (const v of subVariables(text)) {
          if (vars && v in vars) continue;
          if (v.includes('.') && !PSEUDO.has(v)) {
            const [res, ...attr] = v.split('.');
            resolveGetAtt(res, attr.join('.'), where);
          } else {
            resolveRef(v, where);
          }
        }
        break;
      }
      case 'Fn::If':
        if (!Array.isArray(arg) || arg.length !== 3) say(`${where}: Fn::If takes [condition, then, else]`);
        else checkCondition(arg[0], where);
        break;
      case 'Condition':
        checkCondition(arg, where);
        break;
      case 'Fn::FindInMap':
        if (!Array.isArray(arg) || arg.length !== 3) say(`${where}: Fn::FindInMap takes [map, key, key]`);
        else if (typeof arg[0] === 'string' && !(arg[0] in mappings)) say(`${where}: mapping ${arg[0]} is not defined`);
        else if (typeof arg[0] === 'string' && typeof arg[1] === 'string' && !(arg[1] in mappings[arg[0]])) {
          say(`${where}: mapping ${arg[0]} has no key ${arg[1]}`);
        }
        break;
      default:
        break;
    }
  };

  for (const [name, c] of Object.entries(conditions)) {
    walk(c, `Conditions.${name}`, (fn, arg, where) => {
      if (fn === 'Fn::If' || fn === 'Fn::GetAtt') say(`${where}: ${fn} is not allowed in a condition`);
      else visit(fn, arg, where);
    }, true);
    const top = Object.keys(c ?? {})[0];
    if (!CONDITION_FNS.has(top)) say(`Conditions.${name}: must be a condition function, not ${top}`);
  }

  for (const [name, r] of Object.entries(resources)) {
    resourceCount++;
    const where = `Resources.${name}`;
    for (const k of Object.keys(r)) if (!RESOURCE_KEYS.has(k)) say(`${where}: unknown resource attribute ${k}`);
    if (r.Condition) checkCondition(r.Condition, where);
    for (const d of [r.DependsOn ?? []].flat()) if (!(d in resources)) say(`${where}: DependsOn ${d}: no such resource`);
    walk(r.Properties ?? {}, `${where}.Properties`, visit);
    if (typeof r.Type !== 'string') {
      say(`${where}: Type is missing`);
      continue;
    }
    if (r.Type.startsWith('Custom::')) continue;
    const spec = resourceSpec(r.Type);
    if (!spec) {
      say(`${where}: unknown resource type ${r.Type}`);
      continue;
    }
    checkProperties(r.Properties ?? {}, spec.properties, `${where}.Properties`, say);
    if (r.Type === 'AWS::CloudFormation::Stack') checkNestedStack(file, name, r, say);
  }

  for (const [name, o] of Object.entries(outputs)) {
    if (!('Value' in o)) say(`Outputs.${name}: Value is missing`);
    if (o.Condition) checkCondition(o.Condition, `Outputs.${name}`);
    walk(o.Value, `Outputs.${name}.Value`, visit);
    walk(o.Export ?? {}, `Outputs.${name}.Export`, visit);
  }
  for (const p of Object.keys(params)) if (!used.has(p)) say(`Parameters.${p}: never used`);
}

function isLocal(url) {
  return typeof url === 'string' && !/^(https?|s3):\/\//.test(url);
}

function childTemplate(file, r) {
  const url = r.Properties?.TemplateURL;
  if (!isLocal(url)) return undefined;
  const path = resolve(dirname(file), url);
  return existsSync(path) ? load(path) : undefined;
}

function checkNestedStack(file, name, r, say) {
  const url = r.Properties?.TemplateURL;
  if (!isLocal(url)) return;
  const path = resolve(dirname(file), url);
  if (!existsSync(path)) {
    say(`Resources.${name}: TemplateURL ${url} does not exist`);
    return;
  }
  const child = load(path);
  if (!child) return;
  const declared = child.Parameters ?? {};
  const passed = r.Properties.Parameters ?? {};
  for (const p of Object.keys(passed)) {
    if (!(p in declared)) say(`Resources.${name}: passes ${p}, which ${basename(path)} does not declare`);
  }
  for (const [p, d] of Object.entries(declared)) {
    if (!('Default' in d) && !(p in passed)) say(`Resources.${name}: does not pass ${p}, which ${basename(path)} requires`);
  }
}

// API field names that are not simply the CloudFormation name with a lower-case first letter.
const API_NAMES = { efsVolumeConfiguration: 'EFSVolumeConfiguration', fileSystemId: 'FilesystemId', iam: 'IAM',
  service: 'ServiceName' };

/** Renames an API request's fields to CloudFormation's; the values of free-form maps keep their keys. */
function toCfn(value, type) {
  if (Array.isArray(value)) return value.map((v) => toCfn(v, type?.type === 'array' ? type.element : undefined));
  if (value === null || typeof value !== 'object') return value;
  if (type?.type === 'map' || type?.type === 'json') return value;
  const props = type?.type === 'ref' ? db.get('typeDefinition', type.reference.$ref).properties : type?.props ?? {};
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    const name = API_NAMES[k] ?? (k[0].toUpperCase() + k.slice(1));
    out[name] = toCfn(v, props[name]?.type);
  }
  return out;
}

/** Checks one file of infrastructure/ecs: which CloudFormation type it is follows from its folder. */
function checkApiFile(file) {
  const say = (m) => problems.push(`${file}: ${m}`);
  let json;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    say(`does not parse: ${e.message}`);
    return;
  }
  const check = (type, value, where, drop = []) => {
    const spec = resourceSpec(type);
    const body = { ...value };
    for (const d of drop) delete body[d];
    resourceCount++;
    checkProperties(toCfn(body, { props: spec.properties }), spec.properties, where, say);
  };
  const folder = basename(dirname(resolve(file)));
  if (folder === 'task-definitions') {
    check('AWS::ECS::TaskDefinition', json, 'task definition');
  } else if (folder === 'services') {
    // update-service: forceNewDeployment is a flag of the call, not a property of the service.
    check('AWS::ECS::Service', json, 'service', ['forceNewDeployment']);
  } else if (folder === 'autoscaling') {
    const known = new Set(['scalableTarget', 'scalingPolicies', 'scheduledActions']);
    for (const k of Object.keys(json)) if (!known.has(k)) say(`unknown section ${k}`);
    check('AWS::ApplicationAutoScaling::ScalableTarget', json.scalableTarget ?? {}, 'scalableTarget');
    (json.scalingPolicies ?? []).forEach((p, i) =>
      check('AWS::ApplicationAutoScaling::ScalingPolicy', p, `scalingPolicies[${i}]`));
    const target = resourceSpec('AWS::ApplicationAutoScaling::ScalableTarget');
    const actionType = target.properties.ScheduledActions.type.element;
    (json.scheduledActions ?? []).forEach((a, i) => {
      const { ServiceNamespace, ResourceId, ScalableDimension, ...action } = a;
      for (const [k, v] of Object.entries({ ServiceNamespace, ResourceId, ScalableDimension })) {
        if (v === undefined) say(`scheduledActions[${i}]: ${k} is missing`);
      }
      resourceCount++;
      checkType(action, actionType, `scheduledActions[${i}]`, say);
    });
  } else {
    say(`not in task-definitions/, services/ or autoscaling/`);
  }
}

for (const f of files) (apiMode ? checkApiFile : checkTemplate)(f);
if (problems.length > 0) {
  for (const p of problems) console.log(`ERROR ${p}`);
  console.log(`${files.length} ${apiMode ? 'files' : 'templates'}, ${resourceCount} resources: ${problems.length} problems`);
  process.exit(1);
}
if (!quiet) console.log(`${files.length} ${apiMode ? 'files' : 'templates'}, ${resourceCount} resources: OK`);
