CREATE TYPE "public"."processing_status" AS ENUM('NOT_PROCESSED', 'PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'SKIPPED');--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"name" varchar(120) NOT NULL,
	"description" text,
	"activity_schema" jsonb NOT NULL,
	"schema_version" integer DEFAULT 1 NOT NULL,
	"schema_hash" varchar(64) NOT NULL,
	"processing_status" "processing_status" DEFAULT 'NOT_PROCESSED' NOT NULL,
	"schema_render" jsonb,
	"render_source" text,
	"render_meta" jsonb,
	"rendered_hash" varchar(64),
	"render_pinned" boolean DEFAULT false NOT NULL,
	"processing_error" text,
	"processing_attempts" integer DEFAULT 0 NOT NULL,
	"run_id" text,
	"requested_at" timestamp with time zone,
	"processed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_name_length" CHECK (char_length("activities"."name") between 1 and 120),
	CONSTRAINT "activities_description_length" CHECK ("activities"."description" is null or char_length("activities"."description") <= 2000),
	CONSTRAINT "activities_schema_version_positive" CHECK ("activities"."schema_version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "activity_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"data" jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_schema_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"activity_schema" jsonb NOT NULL,
	"schema_hash" varchar(64) NOT NULL,
	"schema_render" jsonb,
	"render_source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_schema_versions_activity_version_key" UNIQUE("activity_id","version")
);
--> statement-breakpoint
CREATE TABLE "render_cache" (
	"schema_hash" varchar(64) NOT NULL,
	"analyzer" text NOT NULL,
	"render" jsonb NOT NULL,
	"meta" jsonb,
	"hit_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_hit_at" timestamp with time zone,
	CONSTRAINT "render_cache_schema_hash_analyzer_pk" PRIMARY KEY("schema_hash","analyzer")
);
--> statement-breakpoint
ALTER TABLE "activity_entries" ADD CONSTRAINT "activity_entries_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_schema_versions" ADD CONSTRAINT "activity_schema_versions_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_user_created_idx" ON "activities" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "activities_unsettled_idx" ON "activities" USING btree ("updated_at") WHERE "activities"."processing_status" in ('NOT_PROCESSED', 'PENDING', 'PROCESSING');--> statement-breakpoint
CREATE INDEX "activity_entries_activity_occurred_idx" ON "activity_entries" USING btree ("activity_id","occurred_at");