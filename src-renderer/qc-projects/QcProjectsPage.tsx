/**
 * 课题: the branch's improvement projects. The list, or one project (#/projects?id=N)
 * laid out as the QC study's steps, with its chart and effect; prints to A4.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { useQuery } from '../state/useQuery';
import { useUser } from '../state/session';
import { navigate } from '../state/route';
import { mayCall } from '../lib/access';
import { projectKpi } from '../../src-main/core/qc-projects/kpis';
import { ProjectForm } from './ProjectForm';
import { ProjectDetail } from './ProjectDetail';
import { formatValue, kpiName, scopeText } from './format';
import './qc-projects.css';

export const projectHref = (id: number) => `#/projects?id=${id}`;

function ProjectList() {
  const { t } = useTranslation();
  const user = useUser();
  const list = useQuery('qcProjects/list', {});
  const [opening, setOpening] = useState(false);
  return (
    <div className="page qc-projects">
      <header className="page-head">
        <h1>{t('qcProjects.title')}</h1>
        {mayCall(user.role, 'qcProjects/create') && !opening && (
          <button type="button" className="btn primary" onClick={() => setOpening(true)} data-testid="qc-open-project">
            {t('qcProjects.open')}
          </button>
        )}
      </header>
      <p className="hint">{t('qcProjects.intro')}</p>
      {opening && <ProjectForm onDone={(v) => navigate(projectHref(v.project.id))} onCancel={() => setOpening(false)} />}
      {list.error && <Alert kind="error">{list.error}</Alert>}
      {list.data && list.data.length === 0 && <p className="muted">{t('qcProjects.none')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="table qc-table" data-testid="qc-project-list">
          <thead>
            <tr>
              <th>{t('qcProjects.list.title')}</th>
              <th>{t('qcProjects.list.kpi')}</th>
              <th>{t('qcProjects.list.period')}</th>
              <th>{t('qcProjects.list.target')}</th>
              <th>{t('qcProjects.list.causes')}</th>
              <th>{t('qcProjects.list.measures')}</th>
              <th>{t('qcProjects.list.state')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={projectHref(p.id)}>{p.title}</a>
                </td>
                <td>
                  {kpiName(p.kpi, t)}
                  {scopeText(p, t) && <span className="muted"> · {scopeText(p, t)}</span>}
                </td>
                <td>
                  {p.startDay} – {p.deadline}
                </td>
                <td>{formatValue(projectKpi(p.kpi), p.target, t)}</td>
                <td>
                  {p.confirmedCauses} / {p.causes}
                </td>
                <td>
                  {p.measuresDone} / {p.measures}
                </td>
                <td>{p.closedAt === null ? t('qcProjects.state.open') : t('qcProjects.state.closed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export default function QcProjectsPage({ params }: { params: URLSearchParams }) {
  const id = Number(params.get('id'));
  return Number.isInteger(id) && id > 0 ? <ProjectDetail key={id} id={id} /> : <ProjectList />;
}
