-- DR-03 超限定支付范围（限年龄） (line): age from the settlement, else age_at(birth date, begndate).
SELECT count(*)
FROM (SELECT l.inscp_scp_amt, h.lmt_age_min, h.lmt_age_max,
             coalesce(s.age,
                      CAST(strftime('%Y', s.begndate) AS INTEGER)
                      - CAST(strftime('%Y', coalesce(p.brdy, s.brdy)) AS INTEGER)
                      - (strftime('%m-%d', s.begndate) < strftime('%m-%d', coalesce(p.brdy, s.brdy)))) AS age
      FROM fee_list_d l
      JOIN setl_d s ON s.setl_id = l.setl_id
      JOIN hilist_b h ON h.hilist_code = l.med_list_codg
      LEFT JOIN psn_info_b p ON p.psn_no = s.psn_no)
WHERE inscp_scp_amt > 0
  AND age IS NOT NULL
  AND ((lmt_age_min IS NOT NULL AND age < lmt_age_min) OR (lmt_age_max IS NOT NULL AND age > lmt_age_max));
