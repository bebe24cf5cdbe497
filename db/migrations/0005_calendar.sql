CREATE TYPE "public"."holiday_day_kind" AS ENUM('holiday', 'makeup_workday');--> statement-breakpoint
CREATE TYPE "public"."vacation_kind" AS ENUM('winter', 'summer');--> statement-breakpoint
CREATE TYPE "public"."vacation_status" AS ENUM('published', 'provisional');--> statement-breakpoint
CREATE TABLE "holiday_schedule_days" (
	"date" date PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" "holiday_day_kind" NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "holiday_schedule_days_in_year" CHECK (extract(year from "holiday_schedule_days"."date") = "holiday_schedule_days"."year"),
	CONSTRAINT "holiday_schedule_days_name" CHECK (btrim("holiday_schedule_days"."name") <> '')
);
--> statement-breakpoint
CREATE TABLE "holiday_schedules" (
	"year" integer PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "holiday_schedules_year_range" CHECK ("holiday_schedules"."year" BETWEEN 1949 AND 2200),
	CONSTRAINT "holiday_schedules_source" CHECK (btrim("holiday_schedules"."source") <> '')
);
--> statement-breakpoint
CREATE TABLE "school_vacations" (
	"city_code" text NOT NULL,
	"school_year" integer NOT NULL,
	"kind" "vacation_kind" NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "vacation_status" NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "school_vacations_city_code_school_year_kind_pk" PRIMARY KEY("city_code","school_year","kind"),
	CONSTRAINT "school_vacations_dates" CHECK ("school_vacations"."starts_on" <= "school_vacations"."ends_on")
);
--> statement-breakpoint
ALTER TABLE "holiday_schedule_days" ADD CONSTRAINT "holiday_schedule_days_year_holiday_schedules_year_fk" FOREIGN KEY ("year") REFERENCES "public"."holiday_schedules"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "holiday_schedule_days_year_idx" ON "holiday_schedule_days" USING btree ("year");