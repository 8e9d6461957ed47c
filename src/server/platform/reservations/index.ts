// Public face of the reservations engine: modules import only from here.
export type { BookInput, BookingSourceHooks } from './bookings.ts';
export { endAfterStart, sessionFields } from './input.ts';
export type { BookingRecord, BookingRow, SessionFilter } from './repository.ts';
export { registerReservationRoutes } from './routes.ts';
export * from './rules.ts';
export { type ReservationsService, reservationsService } from './service.ts';
export type { ReservationPurpose, SessionInput, SessionView } from './sessions.ts';
