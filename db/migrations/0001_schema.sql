CREATE TYPE "public"."clue_source" AS ENUM('12345', '随手拍', 'platform', 'grid_patrol', 'media', 'transfer');--> statement-breakpoint
CREATE TYPE "public"."clue_status" AS ENUM('received', 'registered', 'dispatched', 'handling', 'feedback', 'verified', 'closed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."institution_category" AS ENUM('学科类', '文化艺术', '科技', '体育', '其他');--> statement-breakpoint
CREATE TYPE "public"."institution_nature" AS ENUM('营利', '非营利');--> statement-breakpoint
CREATE TYPE "public"."institution_status" AS ENUM('licensed', 'registered', 'unlicensed', 'suspended', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."list_status" AS ENUM('white', 'black', 'none');--> statement-breakpoint
CREATE TYPE "public"."suspected_type" AS ENUM('unlicensed', 'housekeeping', 'study_tour', 'daycare', 'one_to_one', 'residential_flat', 'online', 'academic_in_nonacademic', 'overcharging', 'other');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'planner', 'leader', 'wall');--> statement-breakpoint
CREATE TABLE "districts" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "districts_geom_valid" CHECK (ST_IsValid("districts"."geom"))
);
--> statement-breakpoint
CREATE TABLE "streets" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"district_code" text NOT NULL,
	"geom" geometry(MultiPolygon,4326),
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "streets_geom_valid" CHECK ("streets"."geom" IS NULL OR ST_IsValid("streets"."geom"))
);
--> statement-breakpoint
CREATE TABLE "grid_cells" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"district_code" text NOT NULL,
	"street_code" text NOT NULL,
	"worker_name" text NOT NULL,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"synthetic" boolean DEFAULT true NOT NULL,
	CONSTRAINT "grid_cells_code_unique" UNIQUE("code"),
	CONSTRAINT "grid_cells_geom_valid" CHECK (ST_IsValid("grid_cells"."geom"))
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"licence_no" text,
	"category" "institution_category" NOT NULL,
	"nature" "institution_nature" NOT NULL,
	"status" "institution_status" NOT NULL,
	"list_status" "list_status" DEFAULT 'none' NOT NULL,
	"address" text NOT NULL,
	"geom" geometry(Point,4326) NOT NULL,
	"district_code" text NOT NULL,
	"grid_cell_id" integer,
	"violation_count" integer DEFAULT 0 NOT NULL,
	"last_inspected_on" date,
	"synthetic" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "institutions_geom_valid" CHECK (ST_IsValid("institutions"."geom")),
	CONSTRAINT "institutions_credit_code_format" CHECK ("institutions"."credit_code" IS NULL OR "institutions"."credit_code" ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$')
);
--> statement-breakpoint
CREATE TABLE "clues" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" "clue_source" NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"geom" geometry(Point,4326) NOT NULL,
	"address" text NOT NULL,
	"description" text NOT NULL,
	"suspected_type" "suspected_type" NOT NULL,
	"status" "clue_status" DEFAULT 'received' NOT NULL,
	"institution_id" integer,
	"district_code" text NOT NULL,
	"grid_cell_id" integer,
	"due_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"synthetic" boolean DEFAULT true NOT NULL,
	CONSTRAINT "clues_geom_valid" CHECK (ST_IsValid("clues"."geom"))
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"responsibilities" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"department_code" text NOT NULL,
	"district_code" text NOT NULL,
	"certificate_no" text NOT NULL,
	"certificate_expires_on" date NOT NULL,
	"base" geometry(Point,4326) NOT NULL,
	"synthetic" boolean DEFAULT true NOT NULL,
	CONSTRAINT "officers_certificate_no_unique" UNIQUE("certificate_no"),
	CONSTRAINT "officers_base_valid" CHECK (ST_IsValid("officers"."base"))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"district_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "road_edges" (
	"id" serial PRIMARY KEY NOT NULL,
	"osm_way_id" bigint NOT NULL,
	"source" bigint NOT NULL,
	"target" bigint NOT NULL,
	"highway" text NOT NULL,
	"name" text,
	"oneway" boolean DEFAULT false NOT NULL,
	"length_m" double precision NOT NULL,
	"speed_kmh" double precision NOT NULL,
	"geom" geometry(LineString,4326) NOT NULL,
	CONSTRAINT "road_edges_geom_valid" CHECK (ST_IsValid("road_edges"."geom"))
);
--> statement-breakpoint
CREATE TABLE "road_nodes" (
	"id" bigint PRIMARY KEY NOT NULL,
	"geom" geometry(Point,4326) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "streets" ADD CONSTRAINT "streets_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_cells" ADD CONSTRAINT "grid_cells_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_cells" ADD CONSTRAINT "grid_cells_street_code_streets_code_fk" FOREIGN KEY ("street_code") REFERENCES "public"."streets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_grid_cell_id_grid_cells_id_fk" FOREIGN KEY ("grid_cell_id") REFERENCES "public"."grid_cells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_grid_cell_id_grid_cells_id_fk" FOREIGN KEY ("grid_cell_id") REFERENCES "public"."grid_cells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "road_edges" ADD CONSTRAINT "road_edges_source_road_nodes_id_fk" FOREIGN KEY ("source") REFERENCES "public"."road_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "road_edges" ADD CONSTRAINT "road_edges_target_road_nodes_id_fk" FOREIGN KEY ("target") REFERENCES "public"."road_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "districts_geom_gist" ON "districts" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "streets_district_idx" ON "streets" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "streets_geom_gist" ON "streets" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "grid_cells_district_idx" ON "grid_cells" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "grid_cells_street_idx" ON "grid_cells" USING btree ("street_code");--> statement-breakpoint
CREATE INDEX "grid_cells_geom_gist" ON "grid_cells" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "institutions_geom_gist" ON "institutions" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "institutions_district_idx" ON "institutions" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "institutions_grid_cell_idx" ON "institutions" USING btree ("grid_cell_id");--> statement-breakpoint
CREATE INDEX "institutions_status_idx" ON "institutions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "clues_geom_gist" ON "clues" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "clues_reported_at_idx" ON "clues" USING btree ("reported_at");--> statement-breakpoint
CREATE INDEX "clues_district_reported_idx" ON "clues" USING btree ("district_code","reported_at");--> statement-breakpoint
CREATE INDEX "clues_grid_cell_reported_idx" ON "clues" USING btree ("grid_cell_id","reported_at");--> statement-breakpoint
CREATE INDEX "clues_institution_idx" ON "clues" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "officers_district_idx" ON "officers" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "officers_base_gist" ON "officers" USING gist ("base");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "road_edges_geom_gist" ON "road_edges" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "road_edges_source_idx" ON "road_edges" USING btree ("source");--> statement-breakpoint
CREATE INDEX "road_edges_target_idx" ON "road_edges" USING btree ("target");--> statement-breakpoint
CREATE INDEX "road_nodes_geom_gist" ON "road_nodes" USING gist ("geom");