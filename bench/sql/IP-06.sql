-- IP-06 住院期间发生其他结算 (person, for each settlement): an outpatient, pharmacy or inpatient
-- settlement that begins strictly inside another inpatient stay of the same person.
SELECT count(*)
FROM setl_d o
LEFT JOIN fixmedins_b i ON i.fixmedins_code = o.fixmedins_code
WHERE o.psn_no IS NOT NULL
  AND (o.med_type IN ('11', '13', '14', '21', '41') OR i.fixmedins_type = '2')
  AND EXISTS (SELECT 1 FROM setl_d s
              WHERE s.psn_no = o.psn_no AND s.med_type = '21' AND s.setl_id != o.setl_id
                AND o.begndate > s.begndate AND o.begndate < s.enddate);
