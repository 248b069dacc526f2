-- The weekly review: each manager's words for an ISO week (本周总结 / 下周计划), one row per
-- manager and week, rewritten in place when edited.
CREATE TABLE weekly_reflections (
    manager_id  INTEGER NOT NULL REFERENCES managers(id) ON DELETE CASCADE,
    -- ISO week as 2026-W47.
    week        TEXT NOT NULL,
    summary     TEXT NOT NULL DEFAULT '',
    plan        TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (manager_id, week)
) WITHOUT ROWID;
