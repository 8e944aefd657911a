/** The service's name on the wire (producer, consumer groups, settings scope). */
export const ANALYTICS_SERVICE = 'analytics-service';
