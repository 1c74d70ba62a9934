/**
 * Dispatch proposals (智能派单): for each ticket registered in the console or
 * imported, the category and department the model proposed from its text,
 * and whether they were taken — so the branch can see, on its own tickets,
 * whether a ticket sent where the model said is transferred again less often
 * than one sent elsewhere.
 */
export const name = 'dispatch_proposals';

export const sql = `
CREATE TABLE dispatch_proposals (
  ticket_id        INTEGER PRIMARY KEY REFERENCES tickets(id),
  proposed_at      INTEGER NOT NULL,
  -- 'form': registered by hand with the proposal shown; 'import': proposed for a row of a CRM file.
  source           TEXT NOT NULL CHECK (source IN ('form', 'import')),
  category_id      INTEGER REFERENCES categories(id),
  department       TEXT,
  -- The ticket was registered with the proposed category / department.
  category_taken   INTEGER NOT NULL CHECK (category_taken IN (0,1)),
  department_taken INTEGER NOT NULL CHECK (department_taken IN (0,1)),
  -- The person took the proposal with its one button (form only).
  accepted         INTEGER NOT NULL DEFAULT 0 CHECK (accepted IN (0,1)),
  -- How many settled tickets the model had learnt from.
  model_tickets    INTEGER NOT NULL CHECK (model_tickets >= 0),
  CHECK (category_id IS NOT NULL OR department IS NOT NULL)
) STRICT;
CREATE INDEX dispatch_proposals_at ON dispatch_proposals(proposed_at);
`;
