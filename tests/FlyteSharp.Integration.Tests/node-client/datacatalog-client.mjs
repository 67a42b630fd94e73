// A Flyte DataCatalog client that shares no code with FlyteSharp: gRPC for Node (@grpc/grpc-js) and the official
// Flyte IDL loaded at run time with @grpc/proto-loader. FlyteSharp's interop tests run it against their catalog server.
//
//   node datacatalog-client.mjs <scenario> --address HOST:PORT [--protos DIR] < input.json
//
// Scenarios (input is one JSON object on stdin; the result is one JSON object on stdout):
//   write           {dataset:{project,domain,name,version}, artifactId, tag, blobUri, artifactMetadata?}
//                   CreateDataset, CreateArtifact with output "o0" = a blob literal whose format is empty, AddTag;
//                   stops at the first failed call. Prints each call's outcome and the CreateArtifactRequest exactly as
//                   serialized onto the wire (base64).
//   read            {dataset, tag} or {dataset, artifactId}: GetArtifact; prints the artifact (proto-loader objects).
//   create-dataset  {dataset}: CreateDataset alone.
// A call that fails with a gRPC status is a result ({ok:false, code:"NOT_FOUND", details}), not a crash: the exit code
// is 0. Bad usage or input exits with 2 and says why on stderr.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const CALL_DEADLINE_MS = 15_000;
const here = path.dirname(fileURLToPath(import.meta.url));
// The repository pins the IDL once (protos/package.json); this client reads that copy unless told otherwise.
const defaultProtos = path.resolve(here, '../../../protos/node_modules/@flyteorg/flyteidl/protos');

function fail(message) {
  process.stderr.write(`datacatalog-client: ${message}\n`);
  process.exit(2);
}

function parseCommandLine() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { address: { type: 'string' }, protos: { type: 'string' } },
    });
  } catch (error) {
    fail(error.message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    fail('usage: datacatalog-client.mjs <write|read|create-dataset> --address HOST:PORT [--protos DIR] < input.json');
  }
  if (!values.address) {
    fail('--address HOST:PORT is required');
  }
  if (values.address.startsWith('https://')) {
    fail(`--address ${values.address}: this client speaks plaintext HTTP/2 only`);
  }
  return {
    scenario: positionals[0],
    // grpc-js wants HOST:PORT; accept the http://HOST:PORT form the server reports as well.
    address: values.address.replace(/^http:\/\//, '').replace(/\/$/, ''),
    protos: path.resolve(values.protos ?? defaultProtos),
  };
}

function readInput() {
  const text = readFileSync(0, 'utf8');
  try {
    const input = JSON.parse(text);
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      fail('stdin must hold one JSON object');
    }
    return input;
  } catch (error) {
    fail(`stdin is not JSON: ${error.message}`);
  }
}

function required(input, name) {
  if (input[name] === undefined || input[name] === null || input[name] === '') {
    fail(`input needs "${name}"`);
  }
  return input[name];
}

function loadDataCatalog(protosDir) {
  const entry = path.join(protosDir, 'flyteidl/datacatalog/datacatalog.proto');
  if (!existsSync(entry)) {
    fail(`${entry} not found: pass --protos with the Flyte IDL's protos folder, or run 'npm ci' in protos/`);
  }
  // camelCase names, 64-bit integers and bytes as strings, enums by name: the shapes of protobuf's JSON mapping.
  const definition = protoLoader.loadSync(entry, {
    includeDirs: [protosDir],
    keepCase: false,
    longs: String,
    enums: String,
    bytes: String,
    defaults: false,
  });
  const service = definition['datacatalog.DataCatalog'];
  const { DataCatalog } = grpc.loadPackageDefinition(definition).datacatalog;
  return { service, DataCatalog };
}

function call(client, method, request) {
  return new Promise((resolve) => {
    const deadline = new Date(Date.now() + CALL_DEADLINE_MS);
    client[method](request, { deadline }, (error, response) => {
      if (error) {
        resolve({ call: method, ok: false, code: grpc.status[error.code] ?? String(error.code), details: error.details });
      } else {
        resolve({ call: method, ok: true, response });
      }
    });
  });
}

async function write(client, service, input) {
  const dataset = required(input, 'dataset');
  const artifactId = required(input, 'artifactId');
  const tag = required(input, 'tag');
  // Format left empty on purpose: Flyte writes such blobs when a task's output type names no format.
  const literal = { scalar: { blob: { uri: required(input, 'blobUri'), metadata: { type: {} } } } };
  const createArtifact = {
    artifact: {
      id: artifactId,
      dataset,
      data: [{ name: 'o0', value: literal }],
      metadata: { keyMap: input.artifactMetadata ?? {} },
    },
  };

  const steps = [];
  const requests = [
    ['CreateDataset', { dataset: { id: dataset, metadata: { keyMap: {} } } }],
    ['CreateArtifact', createArtifact],
    ['AddTag', { tag: { name: tag, artifactId, dataset } }],
  ];
  for (const [method, request] of requests) {
    const { response, ...outcome } = await call(client, method, request);
    steps.push(outcome);
    if (!outcome.ok) {
      break;
    }
  }
  return {
    ok: steps.every((step) => step.ok) && steps.length === requests.length,
    steps,
    // The same serializer grpc-js runs on the request, so these are the bytes the server received.
    createArtifactRequest: service.CreateArtifact.requestSerialize(createArtifact).toString('base64'),
  };
}

async function read(client, input) {
  const request = { dataset: required(input, 'dataset') };
  if (input.tag !== undefined) {
    request.tagName = input.tag;
  } else {
    request.artifactId = required(input, 'artifactId');
  }
  const { call: _, response, ...outcome } = await call(client, 'GetArtifact', request);
  return outcome.ok ? { ok: true, artifact: response.artifact } : outcome;
}

async function createDataset(client, input) {
  const request = { dataset: { id: required(input, 'dataset'), metadata: { keyMap: {} } } };
  const { call: _, response, ...outcome } = await call(client, 'CreateDataset', request);
  return outcome;
}

const { scenario, address, protos } = parseCommandLine();
const scenarios = {
  write: (client, service, input) => write(client, service, input),
  read: (client, _service, input) => read(client, input),
  'create-dataset': (client, _service, input) => createDataset(client, input),
};
if (!Object.hasOwn(scenarios, scenario)) {
  fail(`unknown scenario '${scenario}'; expected one of: ${Object.keys(scenarios).join(', ')}`);
}
const input = readInput();
const { service, DataCatalog } = loadDataCatalog(protos);
const client = new DataCatalog(address, grpc.credentials.createInsecure());
try {
  const result = await scenarios[scenario](client, service, input);
  process.stdout.write(JSON.stringify(result) + '\n');
} finally {
  client.close();
}
