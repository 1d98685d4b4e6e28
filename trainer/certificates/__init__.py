"""Certificates: what they say, how they are signed and how they are drawn.

The modules a caller uses (each staff action checks the signed-in role itself):

- ``issuing``: a pass issues a certificate (``certificate_for_pass``), programmes and
  their certificates;
- ``register``: listing, revoking, printing and exporting the register, revocation lists;
- ``verification``: verdicts on a typed code, a PDF or a picture of the paper;
- ``keys``: exchanging public keys with other installations;
- ``batch``: the certificates of everyone who passed, issued and printed in one run;
- ``settings``: what this installation prints (institution, logo, signatories, language).

Below them: ``document`` (the signed facts and their code), ``signing`` (the key ring),
``numbers`` (numbers never given twice), ``pdf`` (the page, with Qt) and ``scan``
(reading a QR code from a picture, with Qt). The register itself is kept by
``trainer.storage.certificates``.
"""
