#!/usr/bin/env bash
# Same path and arguments as in apache/kafka, so one compose healthcheck fits both:
#   /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092
exec "$(dirname "$0")/kafka-run-class.sh" kafka.admin.BrokerApiVersionsCommand "$@"
