/** The demo mesh's traffic engine: one tick of flows and traces from behaviour and Istio configuration. */
export { simulateTick, type TickInput } from './simulate-tick';
