// Package model holds Sportello's domain types (persons, cases, interviews,
// operators, audit events), their validation rules and error codes.
//
// It imports only the standard library, so every other package can depend on
// it and its rules can be tested without a database or a window.
package model
