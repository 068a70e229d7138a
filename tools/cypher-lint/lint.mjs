#!/usr/bin/env node
// Validate Cypher files with Neo4j's own Cypher front end (@neo4j-cypher/language-support),
// offline: syntax errors, semantic errors (undefined variables, wrong types), unknown functions
// and procedures (checked against the package's Neo4j 5 catalogue, which includes GDS and APOC).
//
// Usage: node lint.mjs [--falkordb] FILE.cypher...   -> one JSON document on stdout:
//   {"files": [{"file", "statements", "errors": [{"line", "column", "message"}], "warnings": [...]}]}
// Exit status: 0 when no file has an error, 1 when one has, 2 on a usage problem.
// Parameters ($name) are declared from the statement itself: they are polgraph's to supply.
// --falkordb: also declare the FalkorDB procedure polgraph calls on that server (db.indexes), for
// the statements in cypher/store/falkordb/; everything else is still Neo4j's check.

import { readFileSync } from 'node:fs';
import { lintCypherQuery, parseStatementsStrs, testData } from '@neo4j-cypher/language-support';

const CYPHER_VERSION = 'CYPHER 5';
const catalogue = testData.mockSchema; // Neo4j 5 functions and procedures, as the server lists them

const FALKORDB_PROCEDURES = {
  'db.indexes': {
    name: 'db.indexes',
    description: 'FalkorDB: the indexes of the graph.',
    mode: 'READ',
    worksOnSystem: false,
    signature: 'db.indexes() :: (label :: STRING, properties :: LIST<STRING>, entitytype :: STRING)',
    argumentDescription: [],
    returnDescription: [
      { isDeprecated: false, description: 'label or type', name: 'label', type: 'STRING' },
      { isDeprecated: false, description: 'indexed properties', name: 'properties', type: 'LIST<STRING>' },
      { isDeprecated: false, description: 'NODE or RELATIONSHIP', name: 'entitytype', type: 'STRING' },
    ],
    admin: false,
    rolesExecution: ['PUBLIC'],
    rolesBoostedExecution: [],
    isDeprecated: false,
    deprecatedBy: null,
    option: { deprecated: false },
  },
};

function declaredParameters(text) {
  const params = {};
  for (const match of text.matchAll(/\$`?([A-Za-z_][A-Za-z0-9_]*)`?/g)) params[match[1]] = null;
  return params;
}

function position(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function lintFile(file, falkordb) {
  const text = readFileSync(file, 'utf8');
  const procedures = falkordb
    ? { [CYPHER_VERSION]: { ...catalogue.procedures[CYPHER_VERSION], ...FALKORDB_PROCEDURES } }
    : catalogue.procedures;
  const schema = {
    functions: catalogue.functions,
    procedures,
    parameters: declaredParameters(text),
    defaultLanguage: CYPHER_VERSION,
  };
  const { diagnostics } = lintCypherQuery(text, schema, { consoleCommandsEnabled: false });
  const report = { file, statements: parseStatementsStrs(text).filter((s) => s.trim()).length, errors: [], warnings: [] };
  for (const d of diagnostics) {
    const where = d.offsets ? position(text, d.offsets.start) : { line: d.range.start.line + 1, column: d.range.start.character + 1 };
    const entry = { ...where, message: d.message };
    (d.severity === 1 ? report.errors : report.warnings).push(entry);
  }
  return report;
}

const args = process.argv.slice(2);
const falkordb = args.includes('--falkordb');
const files = args.filter((a) => a !== '--falkordb');
if (files.length === 0) {
  process.stderr.write('usage: node lint.mjs [--falkordb] FILE.cypher...\n');
  process.exit(2);
}
const reports = files.map((f) => lintFile(f, falkordb));
process.stdout.write(JSON.stringify({ files: reports }, null, 1) + '\n');
process.exit(reports.some((r) => r.errors.length) ? 1 : 0);
