# shellcheck shell=sh
# Finds a JDK 25 or newer and exports JAVA_HOME, so that `./mvnw` and `bin/mli` work as they are on a machine whose
# default `java` is older. Sourced by both; POSIX sh. Order: JAVA_HOME, then `java` on PATH, then the usual install
# folders. Set MLI_JAVA_HOME to force one.
mli_java_major() {
  # prints the feature version of the JDK at $1 (e.g. 25), or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
mli_find_jdk() {
  mli_need=25
  for mli_home in "${MLI_JAVA_HOME-}" "${JAVA_HOME-}" \
    "$(command -v javac 2>/dev/null | xargs -r readlink -f 2>/dev/null | sed 's,/bin/javac$,,')" \
    /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* \
    "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$mli_home" ] && [ -d "$mli_home" ] || continue
    mli_major=$(mli_java_major "$mli_home")
    if [ -n "$mli_major" ] && [ "$mli_major" -ge "$mli_need" ]; then
      JAVA_HOME=$mli_home
      export JAVA_HOME
      return 0
    fi
  done
  echo "This project needs a JDK $mli_need or newer, and none was found (looked at MLI_JAVA_HOME, JAVA_HOME, PATH," >&2
  echo "/usr/lib/jvm, /opt/java, ~/.sdkman). Install one, e.g. 'apt-get install temurin-25-jdk' or from" >&2
  echo "https://adoptium.net, or point MLI_JAVA_HOME at it." >&2
  return 1
}
