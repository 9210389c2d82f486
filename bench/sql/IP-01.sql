-- IP-01 分解住院 (person, for each stay): readmitted to the same institution 0..15 days after the
-- previous stay (previous() in the person's stays by begndate, setl_id), same ICD-10 category.
SELECT count(*)
FROM (SELECT fixmedins_code, begndate, dise_codg,
             lag(setl_id) OVER w AS prev_id, lag(enddate) OVER w AS prev_end,
             lag(fixmedins_code) OVER w AS prev_inst, lag(dise_codg) OVER w AS prev_dx
      FROM setl_d
      WHERE psn_no IS NOT NULL AND med_type = '21'
      WINDOW w AS (PARTITION BY psn_no ORDER BY begndate, setl_id))
WHERE prev_id IS NOT NULL
  AND fixmedins_code = prev_inst
  AND julianday(begndate) - julianday(prev_end) BETWEEN 0 AND 15
  AND substr(dise_codg, 1, 3) = substr(prev_dx, 1, 3);
