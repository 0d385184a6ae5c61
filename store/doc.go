// Package store keeps Sportello's data in one SQLite file and owns all of its
// SQL: the schema and its embedded migrations, queries, transactions, online
// backup and integrity checks.
//
// Every write goes through one transaction shape (DB.update: BeginTx, defer
// Rollback, unexported helpers taking the *sql.Tx, Commit). The file runs in
// WAL mode with synchronous=FULL, so a committed write survives a power cut,
// and in exclusive locking mode, so a second running instance is refused
// instead of writing beside the first.
package store
