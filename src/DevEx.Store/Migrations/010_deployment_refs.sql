-- 010: what a deployment was made from, beside its sha, so that a listing can name the release a person knows it by.
-- ref: the tag or branch (a release's or tag's name; a GitHub deployment's ref when it is not the sha itself; the
-- import field ref); release_name: the release's title where the source has one (a GitHub release; import releaseName).
-- Both NULL when the source says nothing: older rows stay as they were until they are collected again.

ALTER TABLE deployments ADD COLUMN ref VARCHAR;
ALTER TABLE deployments ADD COLUMN release_name VARCHAR;
