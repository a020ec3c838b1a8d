/** Order states whose units the customer keeps (unless returned). */
export const PURCHASED_STATES_SQL = "('COMPLETED', 'PICKED_UP', 'SHIPPED')";

/** Return states in which the goods are back. */
export const RETURNED_STATES_SQL = "('RECEIVED', 'REFUNDED')";
