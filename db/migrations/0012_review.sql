CREATE TABLE "ranking_weights" (
	"version" integer PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"set_by" integer NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ranking_weights_version" CHECK ("ranking_weights"."version" >= 2)
);
--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "population" integer;--> statement-breakpoint
ALTER TABLE "ranking_weights" ADD CONSTRAINT "ranking_weights_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_population_positive" CHECK ("districts"."population" IS NULL OR "districts"."population" > 0);--> statement-breakpoint
-- A database seeded before this migration gets the 2020 census (第七次全国人口普查) for the Shanghai districts it holds.
UPDATE "districts" SET "population" = v.population FROM (VALUES ('310101', 662030), ('310104', 1113078), ('310105', 693051), ('310106', 975707), ('310107', 1239842), ('310109', 757498), ('310110', 1242548), ('310112', 2653489), ('310113', 2235218), ('310114', 1834258), ('310115', 5681512), ('310116', 822776), ('310117', 1909707), ('310118', 1271381), ('310120', 1140872), ('310151', 637921)) AS v(code, population) WHERE "districts"."code" = v.code;