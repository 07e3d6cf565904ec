package io.mli.infrastructure;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A CloudFormation template read with its short intrinsic tags ({@code !Ref X} becomes {@code {Ref: X}},
 * {@code !Sub s} becomes {@code {Fn::Sub: s}}, ...), plus resolving names and Subs to strings for comparisons.
 */
final class Cfn {
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
  private static final Map<String, String> PSEUDO = Map.of("AWS::Region", "us-east-1", "AWS::AccountId",
      "123456789012", "AWS::URLSuffix", "amazonaws.com", "AWS::Partition", "aws", "AWS::StackName", "stack");

  final Path file;
  final Map<String, Object> template;
  /** Parameter values used when resolving: the caller's, then the template's defaults. */
  final Map<String, String> parameters = new LinkedHashMap<>();

  private Cfn(Path file, Map<String, Object> template, Map<String, String> given) {
    this.file = file;
    this.template = template;
    parameters.putAll(given);
    map(template, "Parameters").forEach((name, spec) -> {
      Object def = ((Map<?, ?>) spec).get("Default");
      if (def != null) {
        parameters.putIfAbsent(name, String.valueOf(def));
      }
    });
  }

  static Cfn load(String name) {
    return load(name, Map.of());
  }

  /** Loads a template of infrastructure/cloudformation; {@code given} supplies parameters its parent passes. */
  static Cfn load(String name, Map<String, String> given) {
    Path file = Repo.CFN.resolve(name);
    Yaml yaml = new Yaml(new TagConstructor());
    Map<String, Object> t = yaml.load(Repo.read(file));
    return new Cfn(file, t, given);
  }

  /** The parent stack's parameter defaults: what the nested stacks receive on a default deployment. */
  static Map<String, String> mainDefaults() {
    return load("main-stack.yaml").parameters;
  }

  Map<String, Object> resources() {
    return map(template, "Resources");
  }

  Map<String, Object> resource(String name) {
    Map<String, Object> r = map(resources(), name);
    if (r.isEmpty()) {
      throw new AssertionError(file.getFileName() + " has no resource " + name);
    }
    return r;
  }

  Map<String, Object> properties(String resource) {
    return map(resource(resource), "Properties");
  }

  /** Names of the resources of one type, in template order. */
  List<String> ofType(String type) {
    return resources().entrySet().stream()
        .filter(e -> type.equals(((Map<?, ?>) e.getValue()).get("Type"))).map(Map.Entry::getKey).toList();
  }

  /** A value as a string: Ref and Sub of parameters, pseudo parameters and log groups are resolved. */
  String str(Object value) {
    if (value instanceof Map<?, ?> m && m.size() == 1) {
      Object key = m.keySet().iterator().next();
      Object arg = m.get(key);
      if ("Ref".equals(key)) {
        return ref(String.valueOf(arg));
      }
      if ("Fn::Sub".equals(key)) {
        String text = arg instanceof List<?> l ? String.valueOf(l.getFirst()) : String.valueOf(arg);
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
          String name = matcher.group(1);
          String replacement = name.contains(".") && !PSEUDO.containsKey(name) ? "<" + name + ">" : ref(name);
          matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
      }
    }
    return String.valueOf(value);
  }

  private String ref(String name) {
    if (PSEUDO.containsKey(name)) {
      return PSEUDO.get(name);
    }
    if (parameters.containsKey(name)) {
      return parameters.get(name);
    }
    Map<String, Object> r = map(resources(), name);
    if ("AWS::Logs::LogGroup".equals(r.get("Type"))) {
      return str(map(r, "Properties").get("LogGroupName"));
    }
    return "<" + name + ">";
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object parent, String key) {
    Object v = parent instanceof Map<?, ?> m ? m.get(key) : null;
    return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object parent, String key) {
    Object v = parent instanceof Map<?, ?> m ? m.get(key) : null;
    return v instanceof List<?> ? (List<Object>) v : List.of();
  }

  /** SnakeYAML constructor that turns every {@code !Tag} into the long form of the intrinsic function. */
  private static final class TagConstructor extends SafeConstructor {
    TagConstructor() {
      super(new LoaderOptions());
      yamlMultiConstructors.put("!", new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          String tag = node.getTag().getValue().substring(1);
          String fn = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
          Object value = switch (node) {
            case ScalarNode s when tag.equals("GetAtt") -> Arrays.asList(constructScalar(s).split("\\.", 2));
            case ScalarNode s -> constructScalar(s);
            case SequenceNode q -> constructSequence(q);
            case MappingNode m -> constructMapping(m);
            default -> throw new IllegalArgumentException("unexpected node " + node);
          };
          Map<String, Object> result = new LinkedHashMap<>();
          result.put(fn, value);
          return result;
        }
      });
    }
  }
}
