import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, DomainError, type ErrorTable, fill, type Lang } from './errors.ts';

interface Body {
  error: { code: string; message: string; field?: string; fields?: { field: string; message: string }[] };
}

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
  /** The schema holding the failed keyword (Ajv's `verbose`). */
  parentSchema?: { properties?: Record<string, { description?: string; examples?: unknown[] }> };
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['chuỗi ký tự', 'a string'],
  integer: ['số nguyên', 'an integer'],
  number: ['số', 'a number'],
  boolean: ['true hoặc false', 'true or false'],
  array: ['danh sách', 'a list'],
  object: ['đối tượng JSON', 'a JSON object'],
  null: ['null', 'null'],
};

/** One Vietnamese (or English) sentence per schema violation, naming the field at fault. */
function describeIssue(issue: AjvIssue, lang: Lang): { field: string; message: string } {
  const base = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const p = issue.params;
  const field = issue.keyword === 'required' ? [base, p.missingProperty].filter(Boolean).join('.') : base;
  const vi = lang === 'vi';
  const name = `"${field || (vi ? 'dữ liệu' : 'body')}"`;
  switch (issue.keyword) {
    case 'required': {
      const missing = vi ? `Thiếu trường bắt buộc ${name}.` : `Missing required field ${name}.`;
      // A field whose schema gives an example says what to send, not only that it is missing.
      const property = issue.parentSchema?.properties?.[String(p.missingProperty)];
      const example = property?.examples?.[0];
      if (example === undefined) return { field, message: missing };
      const sample = `"${p.missingProperty}": ${JSON.stringify(example)}`;
      return {
        field,
        message: vi
          ? `${missing}${property?.description ? ` Đây là ${property.description}.` : ''} Hãy gửi, ví dụ: ${sample}.`
          : `${missing} Send, for example: ${sample}.`,
      };
    }
    case 'type': {
      const t = TYPE_NAMES[String(p.type).split(',')[0] ?? ''] ?? [String(p.type), String(p.type)];
      return { field, message: vi ? `${name} phải là ${t[0]}.` : `${name} must be ${t[1]}.` };
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return {
        field,
        message: vi ? `${name} phải từ ${p.limit} trở lên.` : `${name} must be at least ${p.limit}.`,
      };
    case 'maximum':
    case 'exclusiveMaximum':
      return {
        field,
        message: vi ? `${name} không được lớn hơn ${p.limit}.` : `${name} must be at most ${p.limit}.`,
      };
    case 'minLength':
      return {
        field,
        message: vi
          ? `${name} phải có ít nhất ${p.limit} ký tự.`
          : `${name} needs at least ${p.limit} characters.`,
      };
    case 'maxLength':
      return {
        field,
        message: vi
          ? `${name} không được dài quá ${p.limit} ký tự.`
          : `${name} must be at most ${p.limit} characters.`,
      };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).join(', ');
      return {
        field,
        message: vi ? `${name} phải là một trong: ${allowed}.` : `${name} must be one of: ${allowed}.`,
      };
    }
    case 'pattern':
    case 'format':
      return {
        field,
        message: vi
          ? `${name} không đúng định dạng${p.pattern ? ` (${p.pattern})` : p.format ? ` ${p.format}` : ''}.`
          : `${name} has the wrong format${p.format ? ` (${p.format})` : ''}.`,
      };
    case 'minItems':
      return {
        field,
        message: vi
          ? `${name} phải có ít nhất ${p.limit} phần tử.`
          : `${name} needs at least ${p.limit} items.`,
      };
    case 'maxItems':
      return {
        field,
        message: vi
          ? `${name} không được quá ${p.limit} phần tử.`
          : `${name} allows at most ${p.limit} items.`,
      };
    case 'additionalProperties':
      return {
        field: String(p.additionalProperty),
        message: vi
          ? `Trường "${p.additionalProperty}" không được hỗ trợ.`
          : `Unknown field "${p.additionalProperty}".`,
      };
    default:
      return { field, message: vi ? `${name} không hợp lệ.` : `${name} is invalid.` };
  }
}

export function pickLang(request: FastifyRequest): Lang {
  const query = request.query as Record<string, unknown> | undefined;
  if (query && (query.lang === 'en' || query.lang === 'vi')) return query.lang;
  return /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'vi';
}

export function installErrorHandling(app: FastifyInstance, table: ErrorTable): void {
  const render = (code: string, lang: Lang, params: Record<string, string | number> = {}) => {
    const spec = table[code] ?? table['server.error']!;
    return { status: spec.status, message: fill(spec[lang], params) };
  };

  app.setErrorHandler((error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const lang = pickLang(request);
    let status: number;
    let body: Body;

    if (error instanceof AppError || error instanceof DomainError) {
      const r =
        error instanceof AppError
          ? render(error.code, lang, error.params)
          : { status: error.status, message: error.message };
      status = r.status;
      body = {
        error: {
          code: error.code,
          message: r.message,
          ...(error.field ? { field: error.field } : {}),
          ...(error.fields ? { fields: error.fields } : {}),
        },
      };
    } else if ('validation' in error && Array.isArray(error.validation)) {
      const fields = (error.validation as AjvIssue[]).map((issue) => describeIssue(issue, lang));
      status = 400;
      const first = fields[0];
      body = {
        error: {
          code: 'request.invalid',
          message: render('request.invalid', lang, { detail: fields.map((f) => f.message).join(' ') })
            .message,
          ...(fields.length === 1 && first?.field ? { field: first.field } : {}),
          fields,
        },
      };
    } else {
      const fe = error as FastifyError;
      const code =
        fe.statusCode === 413
          ? 'request.too_large'
          : fe.statusCode === 415
            ? 'request.unsupported_media'
            : fe.statusCode === 429
              ? 'rate.limited'
              : fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
                ? 'request.invalid_json'
                : fe.statusCode === 400
                  ? 'request.invalid'
                  : 'server.error';
      const r = render(code, lang, { detail: fe.message, requestId: request.id, after: '1 phút' });
      status = r.status;
      body = { error: { code, message: r.message } };
      if (code === 'server.error') request.log.error({ err: error, reqId: request.id }, 'unhandled error');
    }
    reply.status(status).type('application/json').send(body);
  });
}
