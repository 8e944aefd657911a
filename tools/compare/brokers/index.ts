export {
  type BarChart,
  BROKERS,
  type BrokerComparison,
  type BrokerComparisonOptions,
  type BrokerResults,
  type ModeResults,
  type Outcome,
  runBrokerComparison,
} from './compare';
export { type BrokerMode, type BrokerUnderTest, type DeliveryClass } from './types';
export { type ComparisonSizes, FULL_SIZES, QUICK_SIZES } from './workload';
