-- PS-01 死亡后就医 (line): billing day after the person's death date.
SELECT count(*)
FROM fee_list_d l
JOIN setl_d s ON s.setl_id = l.setl_id
JOIN psn_info_b p ON p.psn_no = s.psn_no
WHERE p.death_date IS NOT NULL
  AND coalesce(substr(l.fee_ocur_time, 1, 10), s.begndate) > p.death_date;
