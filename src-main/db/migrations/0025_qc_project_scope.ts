/**
 * An improvement project may be about one district or one department (or
 * both): its KPI is then measured over their tickets only, with the report's
 * own filters. NULL is the whole branch, as every project before this version.
 */
export const name = 'qc_project_scope';

export const sql = `
ALTER TABLE qc_projects ADD COLUMN district TEXT CHECK (district IS NULL OR length(trim(district)) > 0);
ALTER TABLE qc_projects ADD COLUMN department TEXT CHECK (department IS NULL OR length(trim(department)) > 0);
`;
