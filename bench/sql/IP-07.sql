-- IP-07 高套诊断 (claim): inpatient stay whose diagnosis category has supporting item groups in
-- 诊断支撑_b, with no line of such a group in the stay nor in the same person's settlements at
-- the same institution 0..3 days before admission.
SELECT count(*)
FROM setl_d s
WHERE s.med_type = '21'
  AND EXISTS (SELECT 1 FROM "诊断支撑_b" r WHERE r.dise_prefix = substr(s.dise_codg, 1, 3))
  AND NOT EXISTS (SELECT 1 FROM fee_list_d l
                  LEFT JOIN hilist_b h ON h.hilist_code = l.med_list_codg
                  JOIN "诊断支撑_b" r ON r.dise_prefix = substr(s.dise_codg, 1, 3)
                                      AND r.item_group = coalesce(h.item_group, 'OTHER')
                  WHERE l.setl_id = s.setl_id)
  AND NOT EXISTS (SELECT 1 FROM setl_d b
                  JOIN fee_list_d l ON l.setl_id = b.setl_id
                  LEFT JOIN hilist_b h ON h.hilist_code = l.med_list_codg
                  JOIN "诊断支撑_b" r ON r.dise_prefix = substr(s.dise_codg, 1, 3)
                                      AND r.item_group = coalesce(h.item_group, 'OTHER')
                  WHERE b.psn_no = s.psn_no AND b.setl_id != s.setl_id
                    AND b.fixmedins_code = s.fixmedins_code
                    AND julianday(s.begndate) - julianday(b.begndate) BETWEEN 0 AND 3);
