import { LogView } from '../../components/dashboard/log-view.tsx';
import type { EvidenceContext } from '../../components/report/evidence.tsx';
import { type DataSource, ReportView } from '../../components/report/report-view.tsx';
import { logHref, reportHref } from '../../components/routes.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import type { EvidenceScope } from '../../lib/storage/log.ts';
import { useLogModel } from './use-log-model.ts';
import { useReportModel } from './use-report-model.ts';

// The report and the request log: a chunk of their own, loaded on their first visit.

const lang = () => document.documentElement.lang || undefined;

export function ReportPage({
  ctx,
  db,
  scope,
  source,
}: {
  ctx: EvidenceContext;
  db: DisclosedDb;
  scope: EvidenceScope;
  source: DataSource | undefined;
}) {
  const { evidence, preparedAt } = useReportModel(db, scope);
  return (
    <ReportView
      ctx={ctx}
      scope={scope}
      evidence={evidence}
      source={source}
      preparedAt={preparedAt}
      lang={lang()}
      logHref={logHref(scope)}
      onPrint={() => window.print()}
    />
  );
}

export function LogPage({ ctx, db, scope }: { ctx: EvidenceContext; db: DisclosedDb; scope: EvidenceScope }) {
  const model = useLogModel(db, scope);
  return <LogView ctx={ctx} scope={scope} model={model} reportHref={reportHref(scope)} lang={lang()} />;
}
