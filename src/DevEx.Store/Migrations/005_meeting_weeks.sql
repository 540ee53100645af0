-- 005: per person per ISO week meeting load and focus time, derived from calendar_occurrences (MeetingWeekDeriver).

CREATE TABLE d_person_weeks ( -- key: person_id, week
    person_id            VARCHAR NOT NULL,
    team_id              VARCHAR,          -- the first team by id whose calendar was used; NULL = default UTC calendar
    week                 DATE NOT NULL,    -- ISO Monday in the person's (team's) zone
    working_hours        DOUBLE NOT NULL,  -- working hours of the week, holidays excluded
    meeting_hours        DOUBLE NOT NULL,  -- merged meetings inside working hours
    meeting_load         DOUBLE,           -- meeting_hours / working_hours; NULL when working_hours is 0
    focus_hours          DOUBLE NOT NULL,  -- meeting-free working blocks >= DevEx:Meetings:FocusBlock
    fragmented_hours     DOUBLE NOT NULL,  -- meeting-free working blocks shorter than that
    meeting_free_days    INTEGER NOT NULL, -- working days with no meeting minute inside working hours
    longest_focus_hours  DOUBLE NOT NULL,  -- the longest focus block of the week; 0 when none
    PRIMARY KEY (person_id, week)
);
