// @ts-check
/// <reference types="node" />
/**
 * ZITADEL's own schemas (`@zitadel/proto` 1.3.1), read the way ZITADEL's grpc-gateway reads a request:
 * the route from each rpc's `google.api.http` option, the request message built from path, query and
 * body, parsed with protobuf-es' strict `fromJson` (an unknown field or enum name throws), then the
 * `validate.rules` of protoc-gen-validate. Answers are parsed strictly against the response message, and
 * errors against `google.rpc.Status` with ZITADEL's `zitadel.v1.ErrorDetail` in its `Any`s.
 */

import {
  create,
  createFileRegistry,
  createRegistry,
  fromJson,
  getOption,
  isFieldSet,
  isMessage,
} from '@bufbuild/protobuf';
import {
  FieldDescriptorProto_Label,
  FieldDescriptorProto_Type,
  FileDescriptorProtoSchema,
  file_google_protobuf_any,
} from '@bufbuild/protobuf/wkt';
import { http } from '@zitadel/proto/google/api/annotations_pb.js';
import { ManagementService } from '@zitadel/proto/zitadel/management_pb.js';
import { ErrorDetailSchema } from '@zitadel/proto/zitadel/message_pb.js';
import { ZITADELUsers } from '@zitadel/proto/zitadel/resources/user/v3alpha/user_service_pb.js';
import { UserService } from '@zitadel/proto/zitadel/user/v2/user_service_pb.js';
import {
  StringRulesSchema,
  required as oneofRequired,
  rules as fieldRules,
} from '@zitadel/proto/validate/validate_pb.js';

/**
 * @typedef {import('@bufbuild/protobuf').DescMessage} DescMessage
 * @typedef {import('@bufbuild/protobuf').DescMethod} DescMethod
 * @typedef {import('@bufbuild/protobuf').DescField} DescField
 * @typedef {import('@bufbuild/protobuf').JsonValue} JsonValue
 * @typedef {'v2' | 'v3alpha' | 'v1'} Api
 * @typedef {{
 *   api: Api,
 *   method: DescMethod,
 *   httpMethod: string,
 *   template: string,
 *   pattern: RegExp,
 *   params: string[],
 *   body: string,
 * }} Route
 */

/**
 * The services the kit calls, and where grpc-gateway mounts them: ZITADEL serves management v1 under
 * `/management/v1`, while v2 and v3alpha routes are absolute.
 */
const SERVICES = /** @type {const} */ ([
  { api: 'v2', service: UserService, prefix: '' },
  { api: 'v3alpha', service: ZITADELUsers, prefix: '' },
  { api: 'v1', service: ManagementService, prefix: '/management/v1' },
]);

/** Every rpc's route, literal paths first (as grpc-gateway prefers them over a variable segment). */
export const ROUTES = buildRoutes();

function buildRoutes() {
  /** @type {Route[]} */
  const routes = [];
  for (const { api, service, prefix } of SERVICES) {
    for (const method of service.methods) {
      const rule = getOption(method, http);
      if (rule.pattern.case === undefined || rule.pattern.case === 'custom') continue;
      const template = prefix + rule.pattern.value;
      /** @type {string[]} */
      const params = [];
      const source = template
        .split('/')
        .map((segment) => {
          const variable = /^\{([a-z0-9_.]+)\}$/.exec(segment);
          if (!variable?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          params.push(variable[1]);
          return '([^/]+)';
        })
        .join('/');
      routes.push({
        api,
        method,
        httpMethod: rule.pattern.case.toUpperCase(),
        template,
        pattern: new RegExp(`^${source}$`),
        params,
        body: rule.body,
      });
    }
  }
  return routes.sort((a, b) => a.params.length - b.params.length);
}

/**
 * The rpc whose `google.api.http` route a request takes.
 * @param {string} httpMethod
 * @param {string} path
 * @returns {{ route: Route, values: Record<string, string> } | undefined}
 */
export function routeOf(httpMethod, path) {
  for (const route of ROUTES) {
    if (route.httpMethod !== httpMethod) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    /** @type {Record<string, string>} */
    const values = {};
    route.params.forEach((name, index) => {
      values[name] = decodeURIComponent(match[index + 1] ?? '');
    });
    return { route, values };
  }
  return undefined;
}

/**
 * The field a proto or JSON name names, as grpc-gateway's query parser looks it up.
 * @param {DescMessage} message
 * @param {string} name
 */
function fieldNamed(message, name) {
  return message.fields.find((field) => field.name === name || field.jsonName === name);
}

/**
 * Sets a dotted field path on a JSON object, creating messages on the way (grpc-gateway's
 * `PopulateFieldFromPath`); unlike grpc-gateway, an unknown name is an error: the kit would be sending
 * something ZITADEL drops.
 * @param {Record<string, JsonValue>} target
 * @param {DescMessage} message
 * @param {string[]} path
 * @param {string[]} values
 * @param {string} where for the error
 */
function setPath(target, message, [name = '', ...rest], values, where) {
  const field = fieldNamed(message, name);
  if (!field) throw new Error(`${where}: ${message.typeName} has no field "${name}"`);
  if (rest.length > 0) {
    if (field.fieldKind !== 'message') throw new Error(`${where}: "${name}" is not a message`);
    const inner = /** @type {Record<string, JsonValue>} */ (target[field.jsonName] ?? {});
    target[field.jsonName] = inner;
    setPath(inner, field.message, rest, values, where);
    return;
  }
  if (field.fieldKind === 'list') {
    target[field.jsonName] = values.map((value) => scalarJson(field, value));
    return;
  }
  if (values.length !== 1) throw new Error(`${where}: ${values.length} values for singular "${name}"`);
  target[field.jsonName] = scalarJson(field, values[0] ?? '');
}

/**
 * A query or path value as the JSON protojson expects for the field: strings stay strings (enum names,
 * 64-bit numbers), booleans and 32-bit numbers become JSON values.
 * @param {DescField} field
 * @param {string} value
 * @returns {JsonValue}
 */
function scalarJson(field, value) {
  const kind = field.fieldKind === 'list' ? field.listKind : field.fieldKind;
  if (kind === 'scalar') {
    const scalar = field.fieldKind === 'list' || field.fieldKind === 'scalar' ? field.scalar : undefined;
    if (scalar === 8 /* BOOL */) return value === 'true' ? true : value === 'false' ? false : value;
    if ([5, 13, 17, 7, 15, 1, 2].includes(scalar ?? -1)) return Number(value);
  }
  return value;
}

/**
 * Builds the request message as grpc-gateway does and parses it strictly.
 * @param {{ method: string, url: URL, body: unknown }} request
 * @returns {{ route: Route, message: import('@bufbuild/protobuf').Message, json: Record<string, JsonValue> }}
 */
export function parseRequest({ method, url, body }) {
  const where = `${method} ${url.pathname}`;
  const found = routeOf(method, url.pathname);
  if (!found)
    throw new Error(`${where}: no rpc of UserService, ZITADELUsers or ManagementService has this route`);
  const { route, values } = found;
  const input = route.method.input;
  /** @type {Record<string, JsonValue>} */
  let json = {};
  if (route.body === '*') {
    json = structuredClone(/** @type {Record<string, JsonValue>} */ (body ?? {}));
  } else if (route.body !== '') {
    const field = fieldNamed(input, route.body);
    if (!field) throw new Error(`${where}: body field "${route.body}" unknown`);
    if (body !== undefined) json[field.jsonName] = /** @type {JsonValue} */ (structuredClone(body));
  } else if (body !== undefined && !isEmptyObject(body)) {
    throw new Error(
      `${where}: sends a body, but ${route.method.name} binds none: ZITADEL drops ${JSON.stringify(body)}`,
    );
  }
  for (const [name, value] of Object.entries(values)) setPath(json, input, name.split('.'), [value], where);
  // Query parameters: only fields bound to neither the path nor the body (grpc-gateway's filter).
  for (const key of new Set(url.searchParams.keys())) {
    if (route.body === '*')
      throw new Error(`${where}: query "${key}" on a body "*" rpc is ignored by grpc-gateway`);
    setPath(json, input, key.split('.'), url.searchParams.getAll(key), `${where} ?${key}`);
  }
  let message;
  try {
    message = fromJson(input, json, { registry: REGISTRY });
  } catch (error) {
    throw new Error(
      `${where}: ${input.typeName} does not parse: ${messageOf(error)}\n${JSON.stringify(json)}`,
    );
  }
  const violations = validate(message, input, input.name);
  if (violations.length) throw new Error(`${where}: validate.rules: ${violations.join('; ')}`);
  return { route, message, json };
}

/**
 * protoc-gen-validate's rules that the kit's requests meet or miss: string lengths (in runes), required
 * messages, required oneofs; applied to set messages recursively.
 * @param {import('@bufbuild/protobuf').Message} message
 * @param {DescMessage} desc
 * @param {string} path
 * @returns {string[]}
 */
export function validate(message, desc, path) {
  /** @type {string[]} */
  const problems = [];
  const record = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (message));
  for (const field of desc.fields) {
    const rule = getOption(field, fieldRules);
    const value = field.oneof
      ? (() => {
          const oneof = /** @type {{ case?: string, value?: unknown }} */ (record[field.oneof.localName]);
          return oneof?.case === field.localName ? oneof.value : undefined;
        })()
      : record[field.localName];
    const at = `${path}.${field.name}`;
    if (rule.type.case === 'string' && typeof value === 'string') {
      const strings = rule.type.value;
      // validate.proto is proto2: a bound applies only where it is set, not at its zero default.
      const bound = (/** @type {'minLen' | 'maxLen' | 'len'} */ name) =>
        isFieldSet(strings, StringRulesSchema.field[name]) ? Number(strings[name]) : undefined;
      const [minLen, maxLen, len] = [bound('minLen'), bound('maxLen'), bound('len')];
      const runes = [...value].length;
      // An unset proto3 optional or oneof member is absent, not empty: its rules do not apply.
      const present = value !== '' || !(field.proto.proto3Optional || field.oneof);
      if (present && minLen !== undefined && runes < minLen)
        problems.push(`${at}: ${runes} < min_len ${minLen}`);
      if (maxLen !== undefined && runes > maxLen) problems.push(`${at}: ${runes} > max_len ${maxLen}`);
      if (len !== undefined && runes !== len) problems.push(`${at}: ${runes} ≠ len ${len}`);
    }
    if (rule.message?.required && value === undefined) problems.push(`${at}: required`);
    if (
      field.fieldKind === 'message' &&
      isMessage(value) &&
      !field.message.typeName.startsWith('google.protobuf.')
    ) {
      problems.push(...validate(/** @type {any} */ (value), field.message, at));
    }
  }
  for (const oneof of desc.oneofs) {
    const set = /** @type {{ case?: string }} */ (record[oneof.localName])?.case;
    if (getOption(oneof, oneofRequired) && set === undefined)
      problems.push(`${path}.${oneof.name}: oneof required`);
  }
  return problems;
}

/** `google.rpc.Status`, which @zitadel/proto does not ship: built from its descriptor. */
const STATUS_FILE = create(FileDescriptorProtoSchema, {
  name: 'google/rpc/status.proto',
  package: 'google.rpc',
  dependency: ['google/protobuf/any.proto'],
  syntax: 'proto3',
  messageType: [
    {
      name: 'Status',
      field: [
        {
          name: 'code',
          number: 1,
          type: FieldDescriptorProto_Type.INT32,
          label: FieldDescriptorProto_Label.OPTIONAL,
          jsonName: 'code',
        },
        {
          name: 'message',
          number: 2,
          type: FieldDescriptorProto_Type.STRING,
          label: FieldDescriptorProto_Label.OPTIONAL,
          jsonName: 'message',
        },
        {
          name: 'details',
          number: 3,
          type: FieldDescriptorProto_Type.MESSAGE,
          label: FieldDescriptorProto_Label.REPEATED,
          typeName: '.google.protobuf.Any',
          jsonName: 'details',
        },
      ],
    },
  ],
});
export const StatusSchema = /** @type {DescMessage} */ (
  createFileRegistry(STATUS_FILE, (name) =>
    name === 'google/protobuf/any.proto' ? file_google_protobuf_any : undefined,
  ).getMessage('google.rpc.Status')
);

/** The types an `Any` in ZITADEL's answers may hold. */
const REGISTRY = createRegistry(ErrorDetailSchema);

/**
 * Parses an answer strictly: a success against the rpc's response message, anything else against
 * `google.rpc.Status` (whose `code` must be the gRPC code grpc-gateway maps to that HTTP status).
 * @param {Route} route
 * @param {number} status
 * @param {string} text
 */
export function parseAnswer(route, status, text) {
  const schema = status === 200 ? route.method.output : StatusSchema;
  /** @type {unknown} */
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(
      `${route.method.name} answered ${status} with a body that is not JSON: ${text.slice(0, 80)}`,
    );
  }
  try {
    return fromJson(schema, /** @type {JsonValue} */ (json), { registry: REGISTRY });
  } catch (error) {
    throw new Error(
      `${route.method.name} answer ${status} is not a ${schema.typeName}: ${messageOf(error)}\n${text}`,
    );
  }
}

/**
 * Parses an error answer that belongs to no rpc (a routing error) against `google.rpc.Status`.
 * @param {string} text
 */
export function parseStatus(text) {
  try {
    return fromJson(StatusSchema, JSON.parse(text), { registry: REGISTRY });
  } catch (error) {
    throw new Error(`not a google.rpc.Status: ${messageOf(error)}\n${text}`);
  }
}

/** @param {unknown} value */
function isEmptyObject(value) {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0
  );
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
