#!/bin/sh
# The shortener's bin/setenv.sh for TomEE 9 plume; catalina.sh reads it at every start.
#
# The shortener reads each setting from the system property shortener.x.y or else from the
# environment variable SHORTENER_X_Y (README.md lists them), so SHORTENER_ADMIN_PASSWORD and the
# others need nothing here: TomEE passes its environment on, and a password in the environment
# stays out of the process list, where a -D option would show it.
#
# The one exception is the data directory, because the datasource URL in the WAR
# (jdbc:sqlite:${shortener.data.dir}/shortener.db) is resolved from system properties only. So
# SHORTENER_DATA_DIR becomes -Dshortener.data.dir, made absolute; without it the data lives in
# ./data under the folder TomEE is started from, as on Payara. A -Dshortener.data.dir already in
# CATALINA_OPTS or JAVA_OPTS wins.
case "$CATALINA_OPTS $JAVA_OPTS" in
  *-Dshortener.data.dir=*) ;;
  *)
    SHORTENER_DATA_DIR="${SHORTENER_DATA_DIR:-./data}"
    case "$SHORTENER_DATA_DIR" in
      /*) ;;
      *) SHORTENER_DATA_DIR="$(pwd)/${SHORTENER_DATA_DIR#./}" ;;
    esac
    CATALINA_OPTS="$CATALINA_OPTS \"-Dshortener.data.dir=$SHORTENER_DATA_DIR\""
    export CATALINA_OPTS
    ;;
esac
