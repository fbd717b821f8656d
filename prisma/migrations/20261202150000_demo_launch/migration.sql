-- The demo's launch moment: written when a launch week is seeded (npm start with the simulator, or
-- npm run db:seed), read on later starts so the simulator carries on from the same launch. The row
-- is written first with seeded_at NULL and completed last: a start that finds it NULL knows the
-- seed was interrupted (the process stopped mid-way) and writes the week again.
CREATE TABLE "demo_launch" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "launch_at" TIMESTAMPTZ(3) NOT NULL,
    "scenario" VARCHAR(200) NOT NULL,
    "seeded_at" TIMESTAMPTZ(3),

    CONSTRAINT "demo_launch_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "demo_launch_one_row" CHECK ("id" = 1)
);
