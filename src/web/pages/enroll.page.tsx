import '../registry.css';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOn, MIN_AGE } from '../../domain/registry/eligibility.ts';
import { ApiError, api } from '../api.ts';
import { useUser } from '../auth.tsx';
import { errorMessage, fieldErrors } from '../components/error-message.ts';
import { RequirePermission } from '../components/forbidden.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { registryKeys, useIdempotencyKey } from '../components/registry-api.ts';
import { CommuneSelect, useServedCommunes } from '../components/registry-communes.tsx';
import {
  CHANNELS,
  type CommuneOption,
  type Enrolled,
  PERIODIC,
  SUPPORTED_CATEGORIES,
} from '../components/registry-types.ts';
import { rules } from '../components/rules.ts';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { useRuleBook } from '../components/use-rule-book.ts';
import { DATE_FORMAT, formatMonth, formatNumber, formatVnd, vietnamToday } from '../format.ts';
import { currentLang } from '../i18n.ts';
import {
  checkId,
  cleanId,
  type EnrollValues,
  enrollBody,
  firstQuote,
  ID_LENGTH,
  incomeRange,
  isoDate,
  prefilledValues,
  startMonths,
} from './enroll.model.ts';
import { EnrollQuote } from './enroll.quote.tsx';

const FORM_FIELDS = new Set([
  'personalId',
  'fullName',
  'birthDate',
  'sex',
  'phone',
  'ethnicity',
  'communeCode',
  'categories',
  'monthlyIncome',
  'paymentMode',
  'startMonth',
  'channel',
]);

export function EnrollPage() {
  return (
    <RequirePermission permission="participants.enroll">
      <EnrollForm />
    </RequirePermission>
  );
}

function EnrollForm() {
  const { t } = useTranslation();
  const lang = currentLang();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isMobile = useIsMobile();
  const rulebook = useRuleBook();
  const { book } = rulebook;
  const today = vietnamToday();
  const [form] = Form.useForm<EnrollValues>();
  // Opened for a lead: their details, and the campaign and event the enrollment counts for.
  const prefill = useSearch({ from: '/shell/nguoi-tham-gia/dang-ky' });
  const values = Form.useWatch([], form) ?? {};
  const [commune, setCommune] = useState<CommuneOption | undefined>();
  const [failure, setFailure] = useState<{ message: string; duplicateId?: string } | null>(null);
  const served = useServedCommunes();
  const idem = useIdempotencyKey();
  const r = rules(t);

  // One commune served: it is the answer, no need to ask.
  const only = served.communes.length === 1 ? served.communes[0] : undefined;
  useEffect(() => {
    if (only && !form.getFieldValue('communeCode')) {
      form.setFieldValue('communeCode', only.code);
      setCommune(only);
    }
  }, [only, form]);
  const given = served.communes.find((c) => c.code === prefill.xa);
  useEffect(() => {
    if (given) setCommune(given);
  }, [given]);

  const idCheck = useMemo(() => checkId(book, today, lang, values), [book, today, lang, values]);
  const quote = useMemo(
    () => firstQuote(book, today, lang, values, commune?.provinceCode ?? user.orgUnit.provinceCode),
    [book, today, lang, values, commune, user.orgUnit.provinceCode],
  );
  const range = incomeRange(book, today);
  const months = startMonths(today);
  const currentMonth = months[1];

  const enroll = useMutation({
    mutationFn: (v: EnrollValues) => {
      const body = enrollBody(v, { campaignId: prefill.chienDich, eventId: prefill.hoatDong });
      return api.post<Enrolled>('/participants', body, idem.headers(body));
    },
    onSettled: (_data, error) => idem.settle(error),
    onSuccess: (p) => {
      const { firstPayment: _first, ...participant } = p;
      queryClient.setQueryData(registryKeys.participant(p.id), participant);
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      void navigate({
        to: '/nguoi-tham-gia/$id',
        params: { id: String(p.id) },
        search: { moi: 1 },
      });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'participant.duplicate_id') {
        form.setFields([{ name: 'personalId', errors: [t('registry.enroll.duplicateShort')] }]);
        setFailure({
          message: errorMessage(error, t),
          duplicateId: cleanId(form.getFieldValue('personalId')),
        });
        form.scrollToField('personalId', { block: 'center' });
        return;
      }
      const placed = fieldErrors(error).filter((f) => FORM_FIELDS.has(String(f.name)));
      form.setFields(placed);
      if (placed[0]) form.scrollToField(placed[0].name, { block: 'center' });
      // A refusal with no field of its own (not eligible, outside the area…) shows by the button.
      setFailure(placed.length ? null : { message: errorMessage(error, t) });
    },
  });

  const idRules = [
    r.required(t('registry.field.personalId')),
    {
      validator: async (_: unknown, value: string | undefined) => {
        const id = cleanId(value);
        if (!id) return;
        const result = checkId(book, today, lang, { ...form.getFieldsValue(), personalId: id });
        if (result && !result.valid) throw new Error(result.errors.map((e) => e.message).join('\n'));
      },
    },
  ];

  const idExtra =
    idCheck?.valid && idCheck.birthYear
      ? t('registry.enroll.idValid', {
          province: idCheck.birthProvinceName ?? idCheck.birthProvinceCode,
          sex: t(`registry.sex.${idCheck.sex}`),
          year: idCheck.birthYear,
        })
      : t('registry.enroll.idHint', { n: cleanId(values.personalId).length, total: ID_LENGTH });

  const quoteCard = <EnrollQuote quote={quote} offline={rulebook.offline} />;

  return (
    <>
      <PageHeader title={t('registry.enroll.title')} subtitle={t('registry.enroll.subtitle')} />
      <Form<EnrollValues>
        form={form}
        name="enroll"
        layout="vertical"
        className="reg-form"
        disabled={enroll.isPending}
        scrollToFirstError={{ block: 'center' }}
        initialValues={{
          categories: [],
          paymentMode: 'monthly',
          startMonth: currentMonth,
          monthlyIncome: range?.min ?? null,
          contactConsent: false,
          channel: user.orgUnit.network === 'vnpost' ? 'post_office' : 'door_to_door',
          notCompulsory: false,
          noPension: false,
          ...prefilledValues(prefill),
        }}
        onValuesChange={(changed: Partial<EnrollValues>) => {
          if ('personalId' in changed) {
            setFailure(null);
            // The number tells the sex: fill it in when the agent has not chosen yet.
            const id = cleanId(changed.personalId);
            const sexDigit = id.length >= 4 ? Number(id[3]) : Number.NaN;
            if (!form.getFieldValue('sex') && !Number.isNaN(sexDigit)) {
              form.setFieldValue('sex', sexDigit % 2 === 0 ? 'M' : 'F');
            }
          }
        }}
        onFinish={(v) => {
          setFailure(null);
          enroll.mutate(v);
        }}
      >
        <div className="reg-enroll-grid">
          <div className="reg-enroll-main">
            <Card size="small" title={t('registry.enroll.personSection')}>
              <Form.Item
                label={t('registry.field.personalId')}
                name="personalId"
                rules={idRules}
                dependencies={['birthDate', 'sex']}
                extra={idExtra}
                className="reg-multiline-errors"
              >
                <Input inputMode="numeric" autoComplete="off" maxLength={15} placeholder="001090123456" />
              </Form.Item>
              {failure?.duplicateId && (
                <Alert
                  type="error"
                  showIcon
                  className="block-gap"
                  title={failure.message}
                  action={
                    <Link to="/nguoi-tham-gia" search={{ q: failure.duplicateId }}>
                      {t('registry.enroll.findExisting')}
                    </Link>
                  }
                />
              )}
              <Form.Item
                label={t('registry.field.fullName')}
                name="fullName"
                rules={[r.required(t('registry.field.fullName')), r.min(2), r.max(120)]}
              >
                <Input autoComplete="off" autoCapitalize="words" />
              </Form.Item>
              <div className="form-row">
                <Form.Item
                  label={t('registry.field.birthDate')}
                  name="birthDate"
                  rules={[
                    { required: true, message: t('registry.enroll.birthDateRequired') },
                    {
                      validator: async (_: unknown, value: dayjs.Dayjs | null) => {
                        const date = isoDate(value);
                        if (!date) return;
                        if (date > today) throw new Error(t('registry.enroll.birthInFuture'));
                        const age = ageOn(date, today);
                        if (age < MIN_AGE)
                          throw new Error(t('registry.enroll.tooYoung', { min: MIN_AGE, age }));
                      },
                    },
                  ]}
                >
                  <DatePicker
                    format={[DATE_FORMAT, 'D/M/YYYY', 'DDMMYYYY']}
                    placeholder="dd/mm/yyyy"
                    className="full-width"
                    showNow={false}
                    defaultPickerValue={dayjs().subtract(35, 'year')}
                    disabledDate={(d) => d.isAfter(dayjs())}
                  />
                </Form.Item>
                <Form.Item
                  label={t('registry.field.sex')}
                  name="sex"
                  rules={[{ required: true, message: t('registry.enroll.sexRequired') }]}
                >
                  <Radio.Group
                    aria-label={t('registry.field.sex')}
                    optionType="button"
                    buttonStyle="solid"
                    options={[
                      { value: 'M', label: t('registry.sex.M') },
                      { value: 'F', label: t('registry.sex.F') },
                    ]}
                  />
                </Form.Item>
              </div>
              <Form.Item
                label={t('registry.field.commune')}
                name="communeCode"
                rules={[{ required: true, message: t('registry.enroll.communeRequired') }]}
              >
                <CommuneSelect onPick={setCommune} known={commune} />
              </Form.Item>
              <div className="form-row">
                <Form.Item label={t('registry.field.phone')} name="phone" rules={[r.phone()]}>
                  <Input inputMode="tel" autoComplete="off" />
                </Form.Item>
                <Form.Item label={t('registry.field.ethnicity')} name="ethnicity" rules={[r.max(60)]}>
                  <Input autoComplete="off" placeholder={t('registry.enroll.ethnicityPlaceholder')} />
                </Form.Item>
              </div>
              <Form.Item name="contactConsent" valuePropName="checked" className="reg-tight">
                <Checkbox>{t('registry.field.contactConsent')}</Checkbox>
              </Form.Item>
            </Card>

            <Card size="small" title={t('registry.enroll.categorySection')}>
              <Typography.Paragraph type="secondary" className="reg-tight">
                {t('registry.enroll.categoryHint')}
              </Typography.Paragraph>
              <Form.Item name="categories" className="reg-tight">
                <Checkbox.Group
                  className="reg-checks"
                  options={SUPPORTED_CATEGORIES.map((c) => ({
                    value: c,
                    label: t(`registry.category.${c}`),
                  }))}
                />
              </Form.Item>
              {(values.categories ?? []).map((c) => (
                <Form.Item
                  key={c}
                  label={t('registry.enroll.evidence', { category: t(`registry.category.${c}`) })}
                  name={['evidence', c]}
                  rules={[r.max(200)]}
                >
                  <Input autoComplete="off" placeholder={t('registry.enroll.evidencePlaceholder')} />
                </Form.Item>
              ))}
            </Card>

            <Card size="small" title={t('registry.enroll.paySection')}>
              <Form.Item
                label={t('registry.field.monthlyIncome')}
                name="monthlyIncome"
                dependencies={['paymentMode', 'categories']}
                extra={
                  range &&
                  t('registry.enroll.incomeHint', {
                    min: formatVnd(range.min),
                    max: formatVnd(range.max),
                    step: formatVnd(range.step),
                  })
                }
                rules={[
                  { required: true, message: t('registry.enroll.incomeRequired') },
                  {
                    validator: async () => {
                      const v = form.getFieldsValue();
                      const q = firstQuote(book, today, lang, v, commune?.provinceCode ?? null);
                      const error = q.errors.find((e) => e.field === 'monthlyIncome');
                      if (error) throw new Error(error.message);
                    },
                  },
                ]}
              >
                <InputNumber<number>
                  className="full-width"
                  inputMode="numeric"
                  min={0}
                  step={range?.step ?? 50_000}
                  formatter={(v) => (v === undefined || v === null ? '' : formatNumber(Number(v)))}
                  parser={(text) => Number((text ?? '').replace(/\D/g, '')) || 0}
                  suffix="đ"
                />
              </Form.Item>
              <div className="form-row">
                <Form.Item
                  label={t('registry.field.paymentMode')}
                  name="paymentMode"
                  rules={[{ required: true }]}
                >
                  <Select options={PERIODIC.map((m) => ({ value: m, label: t(`registry.mode.${m}`) }))} />
                </Form.Item>
                <Form.Item
                  label={t('registry.field.startMonth')}
                  name="startMonth"
                  rules={[{ required: true }]}
                >
                  <Select
                    options={months.map((m) => ({
                      value: m,
                      label:
                        m === currentMonth
                          ? t('registry.enroll.thisMonth', { month: formatMonth(m) })
                          : t('registry.enroll.month', { month: formatMonth(m) }),
                    }))}
                  />
                </Form.Item>
              </div>
              <Form.Item label={t('registry.field.channel')} name="channel">
                <Select options={CHANNELS.map((c) => ({ value: c, label: t(`registry.channel.${c}`) }))} />
              </Form.Item>
            </Card>

            {isMobile && quoteCard}

            <Card size="small" title={t('registry.enroll.declareSection')}>
              <Form.Item
                name="notCompulsory"
                valuePropName="checked"
                rules={[
                  {
                    validator: async (_, v) =>
                      v ? undefined : Promise.reject(new Error(t('registry.enroll.declareRequired'))),
                  },
                ]}
              >
                <Checkbox>{t('registry.enroll.notCompulsory')}</Checkbox>
              </Form.Item>
              <Form.Item
                name="noPension"
                valuePropName="checked"
                className="reg-tight"
                rules={[
                  {
                    validator: async (_, v) =>
                      v ? undefined : Promise.reject(new Error(t('registry.enroll.declareRequired'))),
                  },
                ]}
              >
                <Checkbox>{t('registry.enroll.noPension')}</Checkbox>
              </Form.Item>
            </Card>
          </div>
          {!isMobile && <aside className="reg-enroll-side">{quoteCard}</aside>}
        </div>

        {failure && !failure.duplicateId && (
          <Alert
            type="error"
            showIcon
            className="block-top"
            title={t('registry.enroll.failed')}
            description={failure.message}
          />
        )}
        <div className="reg-submit-bar">
          {quote.result && (
            <div className="reg-submit-total">
              <span className="muted">{t('registry.quote.firstShort')}</span>
              <strong>{formatVnd(quote.result.total)}</strong>
            </div>
          )}
          <Button type="primary" htmlType="submit" size="large" loading={enroll.isPending}>
            {t('registry.enroll.submit')}
          </Button>
        </div>
      </Form>
    </>
  );
}
