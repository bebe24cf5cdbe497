CREATE TABLE "plan_team_shifts" (
	"plan_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"campaign_version" integer NOT NULL,
	"ordinal" integer NOT NULL,
	"team_id" text NOT NULL,
	"district_code" text NOT NULL,
	"date" text NOT NULL,
	"shift_start" text,
	"officer_ids" integer[] NOT NULL,
	"team" jsonb NOT NULL,
	"shift" jsonb,
	"targets" jsonb NOT NULL,
	CONSTRAINT "plan_team_shifts_plan_id_ordinal_pk" PRIMARY KEY("plan_id","ordinal")
);
--> statement-breakpoint
ALTER TABLE "plan_team_shifts" ADD CONSTRAINT "plan_team_shifts_plan_id_campaign_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."campaign_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_team_shifts_team_idx" ON "plan_team_shifts" USING btree ("campaign_id","team_id");--> statement-breakpoint
CREATE INDEX "plan_team_shifts_date_idx" ON "plan_team_shifts" USING btree ("date");--> statement-breakpoint
CREATE INDEX "plan_team_shifts_officers_idx" ON "plan_team_shifts" USING gin ("officer_ids");--> statement-breakpoint
-- The plan is parsed once per write, here, instead of once per read: each team-shift with its shift and the targets of
-- its stops (one hash join over the plan's targets, not a scan of them per team).
CREATE FUNCTION "plan_team_shifts_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  plan jsonb := NEW.plan::jsonb;
BEGIN
  DELETE FROM plan_team_shifts WHERE plan_id = NEW.id;
  INSERT INTO plan_team_shifts (plan_id, campaign_id, campaign_version, ordinal, team_id, district_code, date, shift_start, officer_ids, team, shift, targets)
  WITH teams AS (
    SELECT t.team, t.n FROM jsonb_array_elements(plan->'teams') WITH ORDINALITY AS t(team, n)
  ), targets AS (
    SELECT tg->>'key' AS key, tg AS target FROM jsonb_array_elements(plan->'targets') tg
  ), team_targets AS (
    SELECT teams.n, jsonb_agg(targets.target ORDER BY st.i) AS targets
    FROM teams
    CROSS JOIN LATERAL jsonb_array_elements(teams.team->'stops') WITH ORDINALITY AS st(stop, i)
    JOIN targets ON targets.key = st.stop->>'targetKey'
    GROUP BY teams.n
  ), shifts AS (
    SELECT DISTINCT ON (s->>'id') s->>'id' AS id, s AS shift FROM jsonb_array_elements(plan->'shifts') s
  )
  SELECT NEW.id, NEW.campaign_id, NEW.campaign_version, teams.n, teams.team->>'id', teams.team->>'districtCode', teams.team->>'date',
         shifts.shift->>'start',
         ARRAY(SELECT (m->>'officerId')::int FROM jsonb_array_elements(teams.team->'members') m),
         teams.team, shifts.shift, COALESCE(team_targets.targets, '[]'::jsonb)
  FROM teams
  LEFT JOIN team_targets ON team_targets.n = teams.n
  LEFT JOIN shifts ON shifts.id = teams.team->>'shiftId';
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "campaign_plans_team_shifts" AFTER INSERT OR UPDATE OF "plan" ON "campaign_plans"
  FOR EACH ROW EXECUTE FUNCTION "plan_team_shifts_refresh"();
--> statement-breakpoint
-- The plans stored before this migration.
UPDATE "campaign_plans" SET "plan" = "plan";
