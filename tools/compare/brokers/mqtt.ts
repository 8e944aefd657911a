import mqtt, { type MqttClient } from 'mqtt';
import { pidOf } from './rabbitmq';
import {
  type BrokerMode,
  type BrokerUnderTest,
  type Channel,
  channelName,
  CONNECT_TIMEOUT_MS,
  type Received,
} from './types';

const URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const SHARE_GROUP = 'kc-compare';
const SESSION_EXPIRY_S = 300;

function connectMqtt(clientId: string, clean: boolean, onMessage?: (m: Received) => void) {
  return mqtt.connectAsync(URL, {
    clientId,
    // MQTT 5: mqtt.js only lets the application send the PUBACK (customHandleAcks) on v5.
    protocolVersion: 5,
    clean,
    // v5 ends a session at disconnect unless it has an expiry: keep it for the restart.
    properties: { sessionExpiryInterval: clean ? 0 : SESSION_EXPIRY_S },
    connectTimeout: CONNECT_TIMEOUT_MS,
    reconnectPeriod: 0,
    // The PUBACK goes out when the handler acks, not on receipt. mqtt.js handles incoming
    // packets one at a time, so a message left unacked also holds back the ones after it.
    customHandleAcks: (_topic, message, _packet, done) => {
      onMessage?.({
        body: message.toString(),
        ack: () => {
          done(0);
        },
      });
    },
  });
}

export const mqttBroker: BrokerUnderTest = {
  name: 'MQTT',
  async connect() {
    const probe = await connectMqtt(channelName('probe'), true);
    await probe.endAsync();
    const version = 'Mosquitto (MQTT 5)';
    const mode: BrokerMode = {
      name: 'MQTT QoS 1 (persistent session)',
      delivery: 'acked',
      durability: 'acked from memory; Mosquitto writes its store only at autosave/shutdown',
      settings:
        `${version}; mqtt.js; publish QoS 1 (each awaits its PUBACK), subscribe QoS 1 with ` +
        `clean=false with session expiry ${SESSION_EXPIRY_S} s (persistent session), PUBACK sent when handled; several consumers share ` +
        `$share/${SHARE_GROUP}/<topic>; Mosquitto's own limits apply (max_inflight_messages, ` +
        `max_queued_messages: defaults 20 and 1000, beyond which QoS 1 messages are dropped)`,
      orderingGuarantee: 'per topic to one subscriber; none across a shared subscription',
      open: (purpose, consumers) => Promise.resolve(openTopic(purpose, consumers > 1)),
    };
    return {
      version,
      modes: [mode],
      serverPid: () => pidOf('mosquitto'),
      close: () => Promise.resolve(),
    };
  },
};

function openTopic(purpose: string, shared: boolean): Channel {
  const topic = channelName(purpose, '/');
  const prefix = channelName(purpose);
  const clients: MqttClient[] = [];
  const sessions = new Set<string>();
  let publishers = 0;
  return {
    publisher: async () => {
      // Unique ids: Mosquitto disconnects the older of two clients with the same id.
      const client = await connectMqtt(`${prefix}-pub-${String(publishers++)}`, true);
      clients.push(client);
      return {
        publish: async (_key, body) => {
          await client.publishAsync(topic, body, { qos: 1 });
        },
        close: () => client.endAsync(),
      };
    },
    consume: async (consumerId, handler) => {
      const clientId = `${prefix}-${consumerId}`;
      const client = await connectMqtt(clientId, false, handler);
      clients.push(client);
      sessions.add(clientId);
      // A restarted consumer's session already holds the subscription; subscribing again is harmless.
      await client.subscribeAsync(shared ? `$share/${SHARE_GROUP}/${topic}` : topic, { qos: 1 });
      // Abrupt: no DISCONNECT handshake wait, unacked messages stay in the session.
      return { close: () => client.endAsync(true) };
    },
    ready: () => Promise.resolve(),
    remove: async () => {
      await Promise.all(clients.map((client) => client.endAsync(true)));
      // A clean session on the same client id deletes the persistent one and its queue.
      for (const clientId of sessions) await (await connectMqtt(clientId, true)).endAsync();
    },
  };
}
