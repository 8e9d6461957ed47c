-- 住登外者 宛名番号: numbered from 9000000001; numbers already used by anyone are skipped (service).
CREATE SEQUENCE IF NOT EXISTS manual_atena_no_seq START WITH 9000000001;
