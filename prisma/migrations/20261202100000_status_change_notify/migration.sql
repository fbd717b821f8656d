-- Every write that changes what the public status page says notifies the channel
-- "liftoff_status", from inside the writing transaction: PostgreSQL delivers the notification to
-- every listening web process when (and only if) the transaction commits, so a page rebuilt on it
-- reads the committed change. One notification per statement; a transaction's identical
-- notifications are folded into one. The payload names the table, for logs only.
CREATE FUNCTION "liftoff_notify_status_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('liftoff_status', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

-- The tables whose rows the page shows: outages, incidents and their updates and components,
-- components (a founder's override), monitors (which component each one probes), maintenance.
DO $$
DECLARE
  watched text;
BEGIN
  FOREACH watched IN ARRAY ARRAY['outage', 'incident', 'incident_update', 'component', 'monitor',
    'maintenance', '_ComponentToIncident', '_ComponentToMaintenance']
  LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION "liftoff_notify_status_change"()',
      watched || '_status_change', watched);
  END LOOP;
END;
$$;
