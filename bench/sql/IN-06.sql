-- IN-06 非医保医师开单 (line): the billing doctor has no pract_b registration at this institution
-- valid on the billing day, while the institution has registrations; pharmacies excluded.
SELECT count(*)
FROM fee_list_d l
JOIN setl_d s ON s.setl_id = l.setl_id
LEFT JOIN fixmedins_b i ON i.fixmedins_code = s.fixmedins_code
WHERE NOT coalesce(s.med_type = '41' OR i.fixmedins_type = '2', 0)
  AND l.bilg_dr_codg IS NOT NULL
  AND EXISTS (SELECT 1 FROM pract_b r WHERE r.fixmedins_code = s.fixmedins_code)
  AND l.inscp_scp_amt > 0
  AND NOT EXISTS (SELECT 1 FROM pract_b r
                  WHERE r.dr_codg = l.bilg_dr_codg AND r.fixmedins_code = s.fixmedins_code
                    AND coalesce(substr(l.fee_ocur_time, 1, 10), s.begndate) >= r.valid_begn
                    AND (r.valid_end IS NULL OR coalesce(substr(l.fee_ocur_time, 1, 10), s.begndate) <= r.valid_end));
