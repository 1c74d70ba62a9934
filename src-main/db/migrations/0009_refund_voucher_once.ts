/**
 * A billing voucher pays out one refund entry: the same voucher number
 * (compared without regard to case) is refused on a second entry. The service
 * says so in words first; this trigger keeps it true for any writer. A trigger
 * rather than a unique index, so a database that already holds a repeated
 * voucher still opens (the old rows stay as they were; only new executions
 * are checked). The index makes the lookup cheap.
 */
export const name = 'refund_voucher_once';

export const sql = /* sql */ `
CREATE INDEX refunds_voucher ON refunds(voucher_no COLLATE NOCASE) WHERE voucher_no IS NOT NULL;

CREATE TRIGGER refunds_voucher_once BEFORE UPDATE OF voucher_no ON refunds
WHEN NEW.voucher_no IS NOT NULL AND EXISTS (
  SELECT 1 FROM refunds o WHERE o.voucher_no = NEW.voucher_no COLLATE NOCASE AND o.id <> NEW.id
)
BEGIN
  SELECT RAISE(ABORT, 'voucher number already used');
END;

CREATE TRIGGER refunds_voucher_once_insert BEFORE INSERT ON refunds
WHEN NEW.voucher_no IS NOT NULL AND EXISTS (
  SELECT 1 FROM refunds o WHERE o.voucher_no = NEW.voucher_no COLLATE NOCASE
)
BEGIN
  SELECT RAISE(ABORT, 'voucher number already used');
END;
`;
