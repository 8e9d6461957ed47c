/** Test support for the mailings engine's tests: the residents gateway's PeoplePort and PDF text extraction. */
export { residentsPeople as sqlPeople } from '../../modules/residents/index.ts';
export { pdfText } from '../documents/pdf-text.ts';
