{{- define "budgetflow.fullname" -}}
{{ .Release.Name }}-budgetflow
{{- end }}

{{- define "budgetflow.labels" -}}
app.kubernetes.io/name: budgetflow
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "budgetflow.secretName" -}}
{{- if .Values.secret.existingSecret -}}
{{ .Values.secret.existingSecret }}
{{- else -}}
{{ include "budgetflow.fullname" . }}
{{- end -}}
{{- end }}

{{- define "budgetflow.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag }}
{{- end }}

{{- define "budgetflow.podSecurity" -}}
runAsNonRoot: true
runAsUser: 1000
runAsGroup: 1000
fsGroup: 1000
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "budgetflow.containerSecurity" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end }}

{{- define "budgetflow.envFrom" -}}
envFrom:
  - configMapRef:
      name: {{ include "budgetflow.fullname" . }}
  - secretRef:
      name: {{ include "budgetflow.secretName" . }}
{{- end }}

{{- /*
Both on /api/health, which answers 200 while the database answers (a Redis away only degrades it):
ready to serve; restarted only after a minute without answers, as a database outage is not cured by restarts.
*/}}
{{- define "budgetflow.healthProbes" -}}
readinessProbe:
  httpGet: { path: /api/health, port: http }
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
livenessProbe:
  httpGet: { path: /api/health, port: http }
  initialDelaySeconds: 30
  periodSeconds: 10
  timeoutSeconds: 5
  failureThreshold: 6
{{- end }}
