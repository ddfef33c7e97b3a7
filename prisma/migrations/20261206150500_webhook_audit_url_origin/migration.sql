-- The audit trail is readable by viewers: a webhook URL in it keeps only scheme://host[:port]. Its
-- path, query and user info (often the receiver's credential) are dropped from the rows already written.
UPDATE "audit_log" SET
  "before" = CASE WHEN "before" ? 'url' THEN jsonb_set("before", '{url}',
    to_jsonb(regexp_replace("before"->>'url', '^([A-Za-z][A-Za-z0-9+.-]*://)([^@/?#]*@)?([^/?#]*).*$', '\1\3'))) ELSE "before" END,
  "after" = CASE WHEN "after" ? 'url' THEN jsonb_set("after", '{url}',
    to_jsonb(regexp_replace("after"->>'url', '^([A-Za-z][A-Za-z0-9+.-]*://)([^@/?#]*@)?([^/?#]*).*$', '\1\3'))) ELSE "after" END
WHERE "entity_type" = 'webhook';
