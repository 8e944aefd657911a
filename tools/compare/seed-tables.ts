import { type Table } from '../bench/report';

/*
 * The requirements document's two comparison tables, as written (with a translation), so the
 * report puts each adjective next to the figure measured for it.
 */

export const SEED_BROKER_TABLE: Table = {
  header: ['特征 (feature)', 'Redis Pub/Sub', 'Apache Kafka', 'RabbitMQ', 'NATS'],
  rows: [
    ['性能 (performance)', '高 high', '很高 very high', '中 medium', '很高 very high'],
    ['可靠性 (reliability)', '中 medium', '高 high', '高 high', '中 medium'],
    ['扩展性 (scalability)', '中 medium', '高 high', '中 medium', '高 high'],
    ['复杂性 (complexity)', '低 low', '高 high', '中 medium', '低 low'],
    ['Rust支持 (Rust support)', '好 good', '好 good', '好 good', '好 good'],
    [
      '适用场景 (fits)',
      '简单应用 simple apps',
      '大数据 big data',
      '企业级 enterprise',
      '云原生 cloud native',
    ],
  ],
};

export const SEED_SERIALIZATION_TABLE: Table = {
  header: ['特征 (feature)', 'JSON', 'Bincode', 'MessagePack', 'Protocol Buffers'],
  rows: [
    ['大小 (size)', '大 large', '小 small', '很小 very small', '很小 very small'],
    ['速度 (speed)', '慢 slow', '快 fast', '很快 very fast', '很快 very fast'],
    ['可读性 (readability)', '好 good', '差 poor', '差 poor', '差 poor'],
    ['跨语言 (cross-language)', '好 good', '有限 limited', '好 good', '好 good'],
    ['Schema演进 (schema evolution)', '困难 hard', '困难 hard', '困难 hard', '容易 easy'],
  ],
};
