// Sample customer messages for the e2e scenarios (invented people; the IBAN is the standard
// documentation example with a valid checksum) and the original values that must never reach
// a page.
'use strict';

const DUTCH_EMAIL = [
  'Beste klantenservice,',
  '',
  'Mijn naam is Sanne de Vries en ik wacht nog steeds op mijn bestelling.',
  'U kunt mij bereiken op 06 12345678 of via sanne.devries@example.nl.',
  'Wilt u het bedrag terugstorten op NL91ABNA0417164300?',
  '',
  'Met vriendelijke groet,',
  'Sanne de Vries',
].join('\n');

const DUTCH_VALUES = ['Sanne de Vries', '06 12345678', 'sanne.devries@example.nl', 'NL91ABNA0417164300'];

// Typed into the composer for the submit scenarios.
const TYPED = 'Please write to jan.jansen@example.com, IBAN DE89370400440532013000, phone +31 6 23456789.';
const TYPED_VALUES = ['jan.jansen@example.com', 'DE89370400440532013000', '+31 6 23456789'];

module.exports = { DUTCH_EMAIL, DUTCH_VALUES, TYPED, TYPED_VALUES };
