import { variableProblemOf } from './graphql-error.formatter';

describe('variableProblemOf', () => {
  it.each([
    ['Variable "$input" got invalid value "2026-02-30" at "input.birthDate"; Value is not a valid LocalDate: 2026-02-30', { field: 'input.birthDate', rule: 'invalid_value' }],
    ['Variable "$version" got invalid value "zwei"; Int cannot represent non-integer value: "zwei"', { field: 'version', rule: 'invalid_value' }],
    ['Variable "$input" got invalid value "x" at "input.emergencyContacts[1].phone"; String cannot represent a non string value: 5', { field: 'input.emergencyContacts.1.phone', rule: 'invalid_value' }],
    ['Variable "$input" got invalid value { firstName: "A" }; Field "lastName" of required type "String!" was not provided.', { field: 'input.lastName', rule: 'required' }],
    ['Variable "$input" got invalid value { a: 1 } at "input.enrolment"; Field "entryDate" of required type "LocalDate!" was not provided.', { field: 'input.enrolment.entryDate', rule: 'required' }],
    ['Variable "$input" got invalid value { foo: 1 }; Field "foo" is not defined by type "RoomInput".', { field: 'input.foo', rule: 'unknown_field' }],
    ['Variable "$id" of required type "ID!" was not provided.', { field: 'id', rule: 'required' }],
    ['Variable "$id" of non-null type "ID!" must not be null.', { field: 'id', rule: 'required' }],
  ])('%s → should name the field and the rule', (message, expected) => {
    expect(variableProblemOf(message)).toEqual(expected);
  });

  it('should leave other messages alone', () => {
    expect(variableProblemOf('Cannot query field "foo" on type "Query".')).toBeUndefined();
  });
});
