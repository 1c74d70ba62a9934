/**
 * The first responder (首问负责人) as a CRM names them. An imported ticket's
 * first responder may be someone this console has no account for (another
 * department, the CRM's own staff): their name is kept as written, as the
 * assignee's already is. A console user is still referenced by id.
 */
export const name = 'first_responder_name';

export const sql = /* sql */ `
ALTER TABLE tickets ADD COLUMN first_responder_name TEXT;
`;
