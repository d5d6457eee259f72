// @ts-check
/**
 * Request messages, read the way ZITADEL reads them, in two steps with different errors:
 * 1. `decodeMessage`: grpc-gateway's protojson decoding. Wrong JSON, a wrong type, an unknown enum name
 *    or two members of one oneof fail here, before authentication, with `proto: …` messages.
 * 2. `validateMessage`: protoc-gen-validate's rules (`validate.rules` in the protos), checked after
 *    authentication, first failing field first, with `invalid <Message>.<Field>: …` messages.
 * Both answer INVALID_ARGUMENT without details.
 *
 * A message spec lists its fields in proto order (the order the validator checks them in), with
 * lowerCamelCase JSON names; protojson's other spelling, the proto name in snake_case, is accepted too.
 * Fields the JSON has but the spec does not are ignored, as ZITADEL's gateway (`DiscardUnknown`) does.
 *
 * `decodeQuery` reads grpc-gateway's query parameters (dotted paths such as `organization.orgId`) into
 * the same decoded shape, for the fields a route binds to neither the path nor the body.
 */

import { GrpcCode, gatewayError } from './errors.js';

/**
 * @typedef {{ type: 'string', minLength?: number, maxLength?: number, optional?: boolean }} StringField
 *   `optional` is proto3 `optional`: the rule applies only when the field is present.
 * @typedef {{ type: 'enum', enumName: string, values: readonly string[], repeated?: boolean }} EnumField
 *   Values in number order: protojson accepts the name or the number. `enumName` is the full name
 *   (e.g. `zitadel.user.v2.AuthFactorState`) where a query error names it. `repeated`: a list.
 * @typedef {{ type: 'struct', required?: boolean }} StructField
 *   `google.protobuf.Struct`: any JSON object.
 * @typedef {{ type: 'message', message: MessageSpec }} MessageField
 * @typedef {{ type: 'bool' }} BoolField
 * @typedef {StringField | EnumField | StructField | MessageField | BoolField} FieldSpec
 * @typedef {{
 *   name: string,
 *   fields: Readonly<Record<string, FieldSpec>>,
 *   oneofs?: Readonly<Record<string, readonly string[]>>,
 *   requiredOneofs?: readonly string[],
 * }} MessageSpec
 *   `requiredOneofs`: oneofs with `(validate.required) = true`; one member must be set.
 * @typedef {Record<string, unknown>} DecodedMessage
 *   Only the fields present in the JSON, under their lowerCamelCase names; enums as names.
 */

/** @param {string} message */
const decodeError = (message) => gatewayError(GrpcCode.INVALID_ARGUMENT, message);

/**
 * Parses a request body. An empty body is an empty message, as in grpc-gateway.
 * @param {string} text
 * @param {MessageSpec} spec
 * @returns {DecodedMessage}
 */
export function decodeBody(text, spec) {
  if (text.trim() === '') return {};
  /** @type {unknown} */
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw decodeError(`proto: syntax error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return decodeMessage(json, spec);
}

/**
 * @param {unknown} json
 * @param {MessageSpec} spec
 * @returns {DecodedMessage}
 */
export function decodeMessage(json, spec) {
  if (!isObject(json)) throw decodeError(`proto: invalid value for message ${spec.name}: ${describe(json)}`);
  /** @type {DecodedMessage} */
  const decoded = {};
  for (const [name, field] of Object.entries(spec.fields)) {
    const value = readField(json, name);
    // protojson treats null as "not set" for every field kind used here.
    if (value === undefined || value === null) continue;
    decoded[name] = decodeField(value, name, field);
  }
  for (const [oneof, members] of Object.entries(spec.oneofs ?? {})) {
    const set = members.filter((member) => member in decoded);
    if (set.length > 1) {
      throw decodeError(`proto: error parsing "${set[1]}", oneof ${spec.name}.${oneof} is already set`);
    }
  }
  return decoded;
}

/**
 * @param {Record<string, unknown>} json
 * @param {string} camelName
 */
function readField(json, camelName) {
  const snakeName = snakeCase(camelName);
  if (camelName in json && snakeName !== camelName && snakeName in json) {
    throw decodeError(`proto: duplicate field "${snakeName}"`);
  }
  return camelName in json ? json[camelName] : json[snakeName];
}

/**
 * @param {unknown} value
 * @param {string} name
 * @param {FieldSpec} field
 * @returns {unknown}
 */
function decodeField(value, name, field) {
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string')
        throw decodeError(`proto: invalid value for string field ${name}: ${describe(value)}`);
      return value;
    case 'enum':
      if (field.repeated) {
        if (!Array.isArray(value))
          throw decodeError(`proto: invalid value for list field ${name}: ${describe(value)}`);
        return value.map((item) => decodeField(item, name, { ...field, repeated: false }));
      }
      if (typeof value === 'string' && field.values.includes(value)) return value;
      if (typeof value === 'number' && Number.isInteger(value) && field.values[value] !== undefined) {
        return field.values[value];
      }
      throw decodeError(`proto: invalid value for enum field ${name}: ${describe(value)}`);
    case 'struct':
      if (!isObject(value))
        throw decodeError(
          `proto: invalid value for google.protobuf.Struct field ${name}: ${describe(value)}`,
        );
      return value;
    case 'message':
      return decodeMessage(value, field.message);
    case 'bool':
      if (typeof value !== 'boolean')
        throw decodeError(`proto: invalid value for bool field ${name}: ${describe(value)}`);
      return value;
  }
}

/** The spellings Go's `strconv.ParseBool` takes, which grpc-gateway uses for boolean query values. */
const QUERY_BOOLEANS = new Map([
  ...['1', 't', 'T', 'TRUE', 'true', 'True'].map((text) => /** @type {const} */ ([text, true])),
  ...['0', 'f', 'F', 'FALSE', 'false', 'False'].map((text) => /** @type {const} */ ([text, false])),
]);

/**
 * Reads query parameters as grpc-gateway's `PopulateQueryParameters` does: each key is a dotted path of
 * field names (JSON or proto spelling); unknown paths are ignored (grpc-gateway logs "field not found"
 * and goes on: an extra parameter is not an error); setting a second member of a oneof fails; a
 * repeated field takes every value of its key, in order. Every segment but the last names a message,
 * which is created on the way, even when the last segment turns out unknown (so `instance.x=1` leaves
 * an empty `instance` for the validator to refuse).
 * @param {URLSearchParams} query
 * @param {MessageSpec} spec the fields a query may set: those bound to neither the path nor the body
 * @returns {DecodedMessage}
 */
export function decodeQuery(query, spec) {
  /** @type {DecodedMessage} */
  const decoded = {};
  for (const key of new Set(query.keys())) setQueryField(decoded, spec, key.split('.'), query.getAll(key));
  return decoded;
}

/**
 * @param {DecodedMessage} target
 * @param {MessageSpec} spec
 * @param {string[]} path
 * @param {string[]} values every value the key was given
 */
function setQueryField(target, spec, [segment = '', ...rest], values) {
  const name = Object.keys(spec.fields).find((camel) => camel === segment || snakeCase(camel) === segment);
  const field = name === undefined ? undefined : spec.fields[name];
  if (name === undefined || field === undefined) return;
  if (field.type === 'message') {
    if (rest.length === 0) return;
    const inner = /** @type {DecodedMessage} */ (target[name] ?? {});
    target[name] = inner;
    setQueryField(inner, field.message, rest, values);
    return;
  }
  if (rest.length > 0) return;
  if (field.type === 'enum' && field.repeated) {
    target[name] = values.map((value) => queryEnumValue(value, field));
    return;
  }
  if (values.length > 1) {
    throw decodeError(`too many values for field ${JSON.stringify(snakeCase(name))}: ${values.join(', ')}`);
  }
  const value = values[0] ?? '';
  for (const [oneof, members] of Object.entries(spec.oneofs ?? {})) {
    if (members.includes(name) && members.some((member) => member !== name && member in target)) {
      throw decodeError(`field already set for oneof "${snakeCase(oneof)}"`);
    }
  }
  if (field.type === 'bool') {
    const parsed = QUERY_BOOLEANS.get(value);
    if (parsed === undefined) throw decodeError(`strconv.ParseBool: parsing "${value}": invalid syntax`);
    target[name] = parsed;
  } else if (field.type === 'enum') {
    target[name] = queryEnumValue(value, field);
  } else if (field.type === 'string') {
    target[name] = value;
  }
}

/**
 * An enum value in a query, by name or number, refused as grpc-gateway's `parseField` refuses it.
 * @param {string} value
 * @param {EnumField} field
 */
function queryEnumValue(value, field) {
  if (field.values.includes(value)) return value;
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  const byNumber = field.values[number];
  if (byNumber === undefined) throw decodeError(`${JSON.stringify(value)} is not a valid value`);
  return byNumber;
}

/** @param {string} camelName */
function snakeCase(camelName) {
  return camelName.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * Checks protoc-gen-validate's rules on a decoded message (path parameters merged in).
 * @param {DecodedMessage} message
 * @param {MessageSpec} spec
 * @throws {import('./errors.js').ApiError} INVALID_ARGUMENT naming the first field that fails
 */
export function validateMessage(message, spec) {
  const problem = findViolation(message, spec);
  if (problem) throw gatewayError(GrpcCode.INVALID_ARGUMENT, problem);
}

/**
 * @param {DecodedMessage} message
 * @param {MessageSpec} spec
 * @returns {string | undefined}
 */
function findViolation(message, spec) {
  for (const [name, field] of Object.entries(spec.fields)) {
    const where = `invalid ${spec.name}.${name[0]?.toUpperCase()}${name.slice(1)}`;
    const value = message[name];
    if (field.type === 'string') {
      if (field.optional && value === undefined) continue;
      const runes = [...(typeof value === 'string' ? value : '')].length;
      const min = field.minLength ?? 0;
      const max = field.maxLength ?? Infinity;
      if (runes < min || runes > max) {
        return `${where}: value length must be between ${min} and ${max} runes, inclusive`;
      }
    } else if (field.type === 'struct') {
      if (field.required && value === undefined) return `${where}: value is required`;
    } else if (field.type === 'message' && value !== undefined) {
      const inner = findViolation(/** @type {DecodedMessage} */ (value), field.message);
      if (inner) return `${where}: embedded message failed validation | caused by: ${inner}`;
    }
  }
  // protoc-gen-validate checks a message's oneofs after its plain fields.
  for (const oneof of spec.requiredOneofs ?? []) {
    const members = spec.oneofs?.[oneof] ?? [];
    if (!members.some((member) => message[member] !== undefined)) {
      return `invalid ${spec.name}.${oneof[0]?.toUpperCase()}${oneof.slice(1)}: value is required`;
    }
  }
  return undefined;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {unknown} value */
function describe(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
