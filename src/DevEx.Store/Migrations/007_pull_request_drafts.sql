-- 007: whether a pull request is a draft (as last collected). ready_at NULL means "ready when created" (import format,
-- GitHub mapper), so an open draft needs a flag of its own: a draft is not waiting for review.

ALTER TABLE pull_requests ADD COLUMN draft BOOLEAN DEFAULT false;
