"""TiP Trainer: offline anti-trafficking training for police, prosecutors and judges."""

__version__ = "0.1.0"
APP_NAME = "TiP Trainer"
