-- DR-02 超限定支付范围（限性别） (line): sex from psn_info_b, else from the settlement.
SELECT count(*)
FROM fee_list_d l
JOIN setl_d s ON s.setl_id = l.setl_id
JOIN hilist_b h ON h.hilist_code = l.med_list_codg
LEFT JOIN psn_info_b p ON p.psn_no = s.psn_no
WHERE h.lmt_gend IS NOT NULL
  AND coalesce(p.gend, s.gend) IS NOT NULL
  AND coalesce(p.gend, s.gend) != h.lmt_gend
  AND l.inscp_scp_amt > 0;
