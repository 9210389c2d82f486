-- NT-02 超限定险种支付 (line).
SELECT count(*)
FROM fee_list_d l
JOIN setl_d s ON s.setl_id = l.setl_id
JOIN hilist_b h ON h.hilist_code = l.med_list_codg
WHERE h.lmt_insutype IS NOT NULL AND s.insutype IS NOT NULL
  AND s.insutype != h.lmt_insutype
  AND l.inscp_scp_amt > 0;
