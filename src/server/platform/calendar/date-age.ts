// The browser-safe part of the calendar kernel (no holiday data), for the web app.
export { naiveAge } from './age.ts';
export { isValidDate, today } from './date.ts';
